using System.Text.Json;
using SIaM.Core.Runs;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Plots;
using SIaM.Reporting.Runs;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;
using SkiaSharp;

namespace SIaM.Reporting.Tests.Plots;

public sealed class CriticAgreementPlotTests
{
    // The base fixture run (gsm8k 0–29 right of 40, cmath 0–14 right of 20) judged by a critic that says YES to
    // gsm8k 0–24 and 35–39, to cmath 0–14, and gives one invalid answer.
    internal static NamedRun JudgedRun(TempDirectory temp)
    {
        var samples = TestRuns.BaseSamples();
        var directory = TestRuns.Write(temp.File("judged"), "judged", 1000, samples);
        var critique = Directory.CreateDirectory(Path.Combine(directory, CriticVerdicts.Folder, "c0ffee123456")).FullName;
        File.WriteAllLines(Path.Combine(critique, "verdicts.jsonl"), samples.Select(s => JsonSerializer.Serialize(new
        {
            s.Id, s.Sample, s.Benchmark, SampleHash = "h", RuleCorrect = s.Correct, Gradable = true,
            Verdict = s.Id == "cmath-019" ? "invalid" : (s.Benchmark == "gsm8k" ? s.Index < 25 || s.Index >= 35 : s.Index < 15) ? "yes" : "no",
            PYes = (double?)null, Raw = "YES", Reason = (string?)null,
        }, JsonFormat.Line)));
        return new NamedRun("judged", RunLog.Read(directory));
    }

    [Test]
    public void Reads_the_agreement_matrix_per_benchmark_leaving_out_invalid_verdicts()
    {
        // Arrange
        using var temp = new TempDirectory();
        var run = JudgedRun(temp);

        // Act
        var agreement = CriticVerdicts.Read(run.Log.Path)!.ByBenchmark();

        // Assert: gsm8k: 25 both right, 5 rule-only (25–29), 5 critic-only (35–39), 5 both wrong (30–34)
        Assert.That(agreement["gsm8k"], Is.EqualTo(new SIaM.Reporting.Statistics.Agreement(25, 5, 5, 5)));
        Assert.That(agreement["cmath"], Is.EqualTo(new SIaM.Reporting.Statistics.Agreement(15, 0, 0, 4)));
    }

    [Test]
    public void Is_drawn_as_a_png_of_the_expected_size_with_content_only_for_runs_with_critic_verdicts()
    {
        // Arrange
        using var temp = new TempDirectory();
        var judged = ReportBuilder.Build([JudgedRun(temp)], null, null, 0.05, 1);
        var unjudged = FixedReport.Build(temp, withBaseline: false);

        // Act
        var files = ReportBuilder.Write(judged, temp.File("out"), ["plots"]);

        // Assert
        Assert.That(ReportPlots.For(unjudged).Select(p => p.Name), Does.Not.Contain("critic-agreement"));
        Assert.That(files, Does.Contain("plots/critic-agreement.png").And.Contain("plots/critic-agreement.svg"));
        using var bitmap = SKBitmap.Decode(Path.Combine(temp.File("out"), "plots/critic-agreement.png"));
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((PlotRenderer.Width, PlotRenderer.Height)));
        Assert.That(PlotRenderingTests.ColouredPixels(bitmap), Is.GreaterThan(20000), "two stacked bars fill a good part of the chart");
        Assert.That(OrangePixels(bitmap), Is.GreaterThan(500), "the rule-only cell of gsm8k is drawn");
        Assert.That(File.ReadAllText(Path.Combine(temp.File("out"), "plots/critic-agreement.svg")), Does.Contain("κ 0.33 (n=40)"));
    }

    private static int OrangePixels(SKBitmap bitmap)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y) is var p && p.Red > 230 && p.Green is > 100 and < 150 && p.Blue < 40) count++;
        return count;
    }
}
