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

        var html = HtmlExporter.Render(context, Viewer.ViewerData.Of(context), includePlots: false);

        var blocks = Block().Matches(html).Select(m => $"{m.Groups[1].Value}:\n{m.Groups[2].Value}\n");
        Snapshot.Match(string.Join("\n", blocks));
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

        Assert.That(html, Does.Not.Contain("alert(1)</script>"));
        Assert.That(html, Does.Contain("\\u003c/script>\\u003cscript>alert(1)"));
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"([^\"]+)\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex Block();
}
