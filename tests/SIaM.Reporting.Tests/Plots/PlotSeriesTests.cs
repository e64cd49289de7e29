using SIaM.Reporting.Comparing;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Plots;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;
using SkiaSharp;

namespace SIaM.Reporting.Tests.Plots;

/// <summary>
/// Each chart drawn from the fixed runs against an empty-data control: the same chart over runs without samples. The
/// series are there when every series colour covers many pixels in the chart and (almost) none in the control, so a
/// frame, a title and a legend alone cannot pass.
/// </summary>
public sealed class PlotSeriesTests
{
    // Category10, as SeriesColors assigns them: 0 blue, 1 orange, 2 green, 4 purple.
    private static readonly SKColor Blue = new(0x1f, 0x77, 0xb4);
    private static readonly SKColor Orange = new(0xff, 0x7f, 0x0e);
    private static readonly SKColor Green = new(0x2c, 0xa0, 0x2c);
    private static readonly SKColor Purple = new(0x94, 0x67, 0xbd);
    private static readonly SKColor Grey = new(0x7f, 0x7f, 0x7f);

    private static IEnumerable<TestCaseData> Charts()
    {
        // The two fixed runs (base, candidate): one series colour per run.
        yield return new TestCaseData("accuracy", "fixed", new[] { Blue, Orange }).SetArgDisplayNames("accuracy");
        // One line per suite with results (en-id series 0, zh-id series 2) and the overall line (series 4).
        yield return new TestCaseData("trend", "fixed", new[] { Blue, Green, Purple }).SetArgDisplayNames("trend");
        yield return new TestCaseData("execution", "fixed", new[] { Blue, Orange }).SetArgDisplayNames("execution");
        yield return new TestCaseData("completion-length", "fixed", new[] { Blue, Orange }).SetArgDisplayNames("completion-length");
        // One run of 4 samples per problem: one curve.
        yield return new TestCaseData("pass-at-k", "k4", new[] { Blue }).SetArgDisplayNames("pass-at-k");
        // The four cells of the agreement matrix, each non-empty for gsm8k.
        yield return new TestCaseData("critic-agreement", "judged", new[] { Green, Grey, Orange, Blue }).SetArgDisplayNames("critic-agreement");
    }

    [TestCaseSource(nameof(Charts))]
    public void Every_series_colour_is_drawn_in_the_chart_and_not_in_its_empty_data_control(string name, string fixture, SKColor[] series)
    {
        // Arrange
        using var temp = new TempDirectory();
        var context = Context(temp, fixture);
        var empty = EmptyContext(temp);
        var chart = ReportPlots.All.Single(p => p.Name == name);

        // Act
        using var drawn = Render(chart, context);
        using var control = Render(chart, empty);

        // Assert
        Assert.That(chart.AppliesTo(context), Is.True);
        foreach (var colour in series)
        {
            // The control may hold the colour in its legend; the series add at least a thin line (a 1–2 px curve).
            var (inChart, inControl) = (PixelsOf(drawn, colour), PixelsOf(control, colour));
            Assert.That(inChart, Is.GreaterThan(inControl + 100), $"{name}: series colour {colour} is missing ({inChart} pixels, control {inControl})");
        }
        Assert.That(PlotRenderingTests.ColouredPixels(drawn), Is.GreaterThan(PlotRenderingTests.ColouredPixels(control) + 1000),
            $"{name}: the chart draws hardly more than its empty-data control");
    }

    private static ReportContext Context(TempDirectory temp, string fixture) => fixture switch
    {
        "fixed" => FixedReport.Build(temp, withBaseline: false),
        "k4" => ReportBuilder.Build([SeveralSamples(temp)], null, null, 0.05, 1),
        _ => ReportBuilder.Build([CriticAgreementPlotTests.JudgedRun(temp)], null, null, 0.05, 1),
    };

    // gsm8k, 10 problems × 4 samples, sample k of problem i right when (i + k) % 3 == 0.
    private static NamedRun SeveralSamples(TempDirectory temp)
    {
        var samples = Enumerable.Range(0, 10)
            .SelectMany(i => Enumerable.Range(0, 4).Select(k => Samples.Of("gsm8k", i, (i + k) % 3 == 0, "1", sample: k)))
            .ToList();
        return new NamedRun("k4", Core.Runs.RunLog.Read(TestRuns.Write(temp.File("k4"), "k4", 1, samples)));
    }

    // Two runs, labelled and stepped like the fixed ones, without a single sample.
    private static ReportContext EmptyContext(TempDirectory temp)
    {
        var first = new NamedRun("base", Core.Runs.RunLog.Read(TestRuns.Write(temp.File("empty-base"), "base", 1000, [])));
        var second = new NamedRun("cand", Core.Runs.RunLog.Read(TestRuns.Write(temp.File("empty-cand"), "检查点-2000", 2000, [])));
        return ReportBuilder.Build([first, second], null, null, 0.05, seed: 42);
    }

    private static SKBitmap Render(IReportPlot chart, ReportContext context) =>
        SKBitmap.Decode(PlotRenderer.Png(PlotRenderer.Build(chart, context)));

    // Pixels within a small distance of the colour (anti-aliased edges are left out).
    private static int PixelsOf(SKBitmap bitmap, SKColor colour)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - colour.Red) + Math.Abs(p.Green - colour.Green) + Math.Abs(p.Blue - colour.Blue) <= 24) count++;
            }
        return count;
    }
}
