using SIaM.Reporting.Exporters;
using SIaM.Reporting.Plots;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;
using SkiaSharp;

namespace SIaM.Reporting.Tests.Plots;

public sealed class PlotRenderingTests
{
    [Test]
    public void Every_chart_of_the_fixed_runs_is_a_png_of_the_expected_size_with_drawn_content_and_an_svg()
    {
        using var temp = new TempDirectory();
        var context = FixedReport.Build(temp, withBaseline: false);

        var files = ReportBuilder.Write(context, temp.File("out"), ["plots"]);

        Assert.That(files, Is.EquivalentTo(new[]
        {
            "plots/accuracy.png", "plots/accuracy.svg", "plots/trend.png", "plots/trend.svg", "plots/execution.png",
            "plots/execution.svg", "plots/completion-length.png", "plots/completion-length.svg",
        }));
        foreach (var png in files.Where(f => f.EndsWith(".png")))
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(temp.File("out"), png));
            Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((PlotRenderer.Width, PlotRenderer.Height)), png);
            Assert.That(ColouredPixels(bitmap), Is.GreaterThan(2000), png);
        }
        Assert.That(File.ReadAllText(Path.Combine(temp.File("out"), "plots/trend.svg")), Does.Contain("<svg xmlns"));
    }

    [Test]
    public void Pass_at_k_curve_is_drawn_only_when_runs_hold_several_samples_per_problem()
    {
        using var temp = new TempDirectory();
        var samples = Enumerable.Range(0, 10)
            .SelectMany(i => Enumerable.Range(0, 4).Select(k => Samples.Of("gsm8k", i, (i + k) % 3 == 0, "1", sample: k)))
            .ToList();
        var run = new SIaM.Reporting.Comparing.NamedRun("k4", Core.Runs.RunLog.Read(TestRuns.Write(temp.File("k4"), "k4", 1, samples)));
        var context = ReportBuilder.Build([run], null, null, 0.05, 1);

        Assert.That(ReportPlots.For(context).Select(p => p.Name), Does.Contain("pass-at-k"));
        Assert.That(ReportPlots.For(FixedReport.Build(temp, withBaseline: false)).Select(p => p.Name), Does.Not.Contain("pass-at-k"));
    }

    [Test]
    public void Chinese_label_renders_as_glyphs_not_as_missing_glyph_boxes()
    {
        Assume.That(CjkFont.EnsureRegistered(), $"needs {CjkFont.DebianPath} (apt install fonts-wqy-microhei); CI installs it");
        using var temp = new TempDirectory();
        var context = FixedReport.Build(temp, withBaseline: false);

        using var chinese = Render("中文数学", context);
        using var otherChinese = Render("检查点二", context);
        using var missing = Render("\uE000\uE001\uE002\uE003", context); // private-use code points: no font has them

        Assert.That(ColouredPixels(chinese), Is.GreaterThan(100), "the label drew nothing");
        Assert.That(Difference(chinese, missing), Is.GreaterThan(100), "the Chinese label looks like missing-glyph boxes");
        Assert.That(Difference(chinese, otherChinese), Is.GreaterThan(100), "different Chinese labels render alike (boxes)");
    }

    [Test]
    public void Missing_glyph_boxes_of_different_characters_render_alike_so_the_check_can_fail()
    {
        using var temp = new TempDirectory();
        var context = FixedReport.Build(temp, withBaseline: false);

        using var first = Render("\uE000\uE001\uE002\uE003", context);
        using var second = Render("\uE004\uE005\uE006\uE007", context);

        Assert.That(ColouredPixels(first), Is.GreaterThan(100), "boxes are drawn");
        Assert.That(Difference(first, second), Is.EqualTo(0));
    }

    private static SKBitmap Render(string title, ReportContext context)
    {
        var plot = PlotRenderer.Build(new TitleOnly(title), context);
        return SKBitmap.Decode(plot.GetImage(400, 120).GetImageBytes(ScottPlot.ImageFormat.Png, 100));
    }

    internal static int ColouredPixels(SKBitmap bitmap)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y) is var p && (p.Red < 200 || p.Green < 200 || p.Blue < 200)) count++;
        return count;
    }

    private static int Difference(SKBitmap a, SKBitmap b)
    {
        var count = 0;
        for (var y = 0; y < a.Height; y++)
            for (var x = 0; x < a.Width; x++)
                if (a.GetPixel(x, y) != b.GetPixel(x, y)) count++;
        return count;
    }

    private sealed class TitleOnly(string title) : IReportPlot
    {
        public string Name => "title";
        public string Title => title;
        public bool AppliesTo(ReportContext context) => true;
        public void Draw(ScottPlot.Plot plot, ReportContext context)
        {
            plot.Axes.Frameless();
            plot.HideGrid();
        }
    }
}
