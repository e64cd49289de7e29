using SIaM.Reporting.Exporters;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;
using Snapshooter;
using Snapshooter.NUnit;

namespace SIaM.Reporting.Tests.Exporters;

public sealed class ExporterSnapshotTests
{
    [TestCase("markdown", "report.md")]
    [TestCase("diff", "diff.md")]
    [TestCase("diff", "diff.jsonl")]
    [TestCase("junit", "junit.xml")]
    [TestCase("csv", "summary.csv")]
    [TestCase("json", "table.json")]
    public void Exporter_output_for_the_fixed_runs_matches_its_snapshot(string exporter, string file)
    {
        using var temp = new TempDirectory();
        var context = FixedReport.Build(temp);

        ReportBuilder.Write(context, temp.File("out"), [exporter]);

        Snapshot.Match(File.ReadAllText(Path.Combine(temp.File("out"), file)), SnapshotNameExtension.Create(file));
    }

    [Test]
    public void Writing_the_same_report_twice_gives_identical_bytes()
    {
        using var temp = new TempDirectory();
        var context = FixedReport.Build(temp);
        string[] files = ["report.md", "diff.md", "diff.jsonl", "junit.xml", "summary.csv", "table.json", "plots/accuracy.png", "plots/trend.svg"];

        ReportBuilder.Write(context, temp.File("a"), ExporterRegistry.All.Keys.Where(k => k != "html"));
        ReportBuilder.Write(FixedReport.Build(temp), temp.File("b"), ExporterRegistry.All.Keys.Where(k => k != "html"));

        foreach (var file in files)
            Assert.That(File.ReadAllBytes(Path.Combine(temp.File("b"), file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(temp.File("a"), file))), file);
    }

    [Test]
    public void Junit_marks_the_regressed_benchmark_as_failed_with_its_worst_flips()
    {
        using var temp = new TempDirectory();
        ReportBuilder.Write(FixedReport.Build(temp), temp.File("out"), ["junit"]);

        var junit = System.Xml.Linq.XDocument.Load(Path.Combine(temp.File("out"), "junit.xml"));

        var failed = junit.Descendants("testcase").Where(c => c.Element("failure") is not null).Select(c => c.Attribute("name")!.Value);
        Assert.That(failed, Is.EquivalentTo(new[] { "gsm8k", "en-id" }));
        Assert.That(junit.Descendants("failure").First().Value, Does.Contain("gsm8k/gsm8k-000#0: expected 0, got 1"));
    }

    [Test]
    public void Unknown_exporter_names_the_valid_ones()
    {
        var error = Assert.Throws<Core.InputException>(() => ExporterRegistry.Get(["pdf"]));

        Assert.That(error!.Message, Does.Contain("csv, json, markdown, html, junit, diff, plots"));
    }
}
