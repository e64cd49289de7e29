using System.Text.RegularExpressions;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;
using Snapshooter.NUnit;

namespace SIaM.Reporting.Tests.Exporters;

public sealed partial class ViewerDataSnapshotTests
{
    [Test]
    public void Data_embedded_in_report_html_for_the_fixed_runs_matches_its_snapshot()
    {
        using var temp = new TempDirectory();
        var context = FixedReport.Build(temp) with
        {
            Questions = new Dictionary<(string, string), string> { [("gsm8k", "gsm8k-003")] = "What is 1 + 2? </script><b>" },
        };

        var data = Viewer.ViewerData.Of(context);
        var html = HtmlExporter.Render(context, data, includePlots: false);

        var embedded = Block().Matches(html)
            .Select(m => (m.Groups[2].Value, m.Groups[1].Value == "gzip-base64" ? Gunzip(m.Groups[3].Value) : m.Groups[3].Value));
        Assert.That(embedded, Is.EqualTo(data.Blocks()), "the page embeds exactly the blocks");
        Snapshot.Match(string.Join("\n", data.Blocks().Select(b => $"{b.Id}:\n{b.Json}\n")));
    }

    [Test]
    public void No_text_of_a_sample_can_close_the_script_element_that_holds_it()
    {
        using var temp = new TempDirectory();
        var context = FixedReport.Build(temp) with
        {
            Questions = new Dictionary<(string, string), string> { [("gsm8k", "gsm8k-003")] = "</script><script>alert(1)</script>" },
        };

        var html = HtmlExporter.Render(context, Viewer.ViewerData.Of(context), includePlots: false);

        Assert.That(html, Does.Not.Contain("alert(1)"), "the questions block is compressed");
        Assert.That(Viewer.ViewerData.Of(context).Blocks().Single(b => b.Id == "siam-questions").Json, Does.Contain("\\u003c/script>\\u003cscript>alert(1)"));
    }

    private static string Gunzip(string base64)
    {
        using var gzip = new System.IO.Compression.GZipStream(
            new MemoryStream(Convert.FromBase64String(base64)), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(
        "<script type=\"application/(?:json|octet-stream)\"(?: data-encoding=\"([^\"]+)\")? id=\"([^\"]+)\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex Block();
}
