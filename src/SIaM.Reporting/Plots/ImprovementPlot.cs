namespace SIaM.Reporting.Plots;

/// <summary>One suite's greedy accuracy at one iteration of an improvement loop, as fractions.</summary>
public sealed record SuiteAccuracy(double Accuracy, double StdErr);

/// <summary>One iteration of an improvement loop as the plot draws it.</summary>
/// <param name="Iteration">0 is the start.</param>
/// <param name="Algorithm">The training algorithm of the iteration (shown on the x axis).</param>
/// <param name="Accuracy">Accuracy per suite; a suite missing at any iteration is not drawn.</param>
/// <param name="MeanResponseTokens">Mean response length in tokens.</param>
public sealed record IterationPoint(int Iteration, string Algorithm, IReadOnlyDictionary<string, SuiteAccuracy> Accuracy, double MeanResponseTokens);

/// <summary>
/// <c>DIR/iterations.png</c> and <c>.svg</c>: accuracy per suite (± standard error) over iterations on the left axis and
/// mean response length in tokens on the right axis (DPO without its SFT term lengthens responses: this line shows it).
/// </summary>
public static class ImprovementPlot
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    public static void Write(IReadOnlyList<IterationPoint> rows, IReadOnlyList<string> suites, string directory)
    {
        var cjk = CjkFont.EnsureRegistered();
        var plot = new ScottPlot.Plot();
        double[] xs = [.. rows.Select(r => (double)r.Iteration)];
        for (var s = 0; s < suites.Count; s++)
        {
            var scores = rows.Select(r => r.Accuracy.GetValueOrDefault(suites[s])).ToList();
            if (scores.Any(x => x is null)) continue;
            double[] ys = [.. scores.Select(x => 100 * x!.Accuracy)];
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = suites[s];
            line.Color = Palette.GetColor(s);
            line.MarkerSize = 7;
            var bars = plot.Add.ErrorBar(xs, ys, [.. scores.Select(x => 100 * x!.StdErr)]);
            bars.Color = Palette.GetColor(s);
        }
        var length = plot.Add.Scatter(xs, [.. rows.Select(r => r.MeanResponseTokens)]);
        length.LegendText = "mean response tokens (right)";
        length.Color = ScottPlot.Colors.Gray;
        // Told apart by its square markers, not a dash pattern: Skia's SVG writer does not support path effects and
        // prints "Unsupported path effect in addPaint" to standard output for every dashed line.
        length.MarkerShape = ScottPlot.MarkerShape.FilledSquare;
        length.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "mean response tokens";
        plot.Axes.SetLimitsY(0, 100);
        plot.Axes.SetLimitsY(0, Math.Max(1, rows.Max(r => r.MeanResponseTokens)) * 1.3, plot.Axes.Right);
        plot.Axes.Bottom.SetTicks(xs, [.. rows.Select(r => r.Iteration == 0 ? "0 (start)" : $"{r.Iteration} ({r.Algorithm})")]);
        plot.XLabel("iteration");
        plot.YLabel("greedy accuracy (%)");
        plot.Title("siam improve: accuracy per suite and response length");
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        if (cjk)
        {
            plot.Font.Set(CjkFont.Family);
            plot.Legend.FontName = CjkFont.Family;
        }
        var png = PlotRenderer.Png(plot);
        SIaM.Core.Runs.AtomicFile.Write(Path.Combine(directory, "iterations.png"), stream => stream.Write(png));
        SIaM.Core.Runs.AtomicFile.WriteText(Path.Combine(directory, "iterations.svg"), PlotRenderer.Svg(plot));
    }
}
