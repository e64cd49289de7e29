using SIaM.Reporting.Plots;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Plots;

public sealed class ImprovementPlotTests
{
    private static IterationPoint Point(int iteration, double gsm8k, double? cmath, double tokens) => new(
        iteration, iteration == 0 ? "start" : "sft",
        cmath is { } c
            ? new Dictionary<string, SuiteAccuracy> { ["gsm8k"] = new(gsm8k, 0.05), ["cmath"] = new(c, 0.04) }
            : new Dictionary<string, SuiteAccuracy> { ["gsm8k"] = new(gsm8k, 0.05) },
        tokens);

    [Test]
    public void Draws_each_suite_present_at_every_iteration_and_the_response_length_on_the_right_axis()
    {
        // Arrange: cmath is missing at iteration 1, so only gsm8k and the length line are drawn
        using var temp = new TempDirectory();
        IterationPoint[] rows = [Point(0, 0.40, 0.30, 120), Point(1, 0.45, null, 150), Point(2, 0.52, 0.35, 170)];

        // Act
        ImprovementPlot.Write(rows, ["gsm8k", "cmath"], temp.Path);

        // Assert
        var svg = File.ReadAllText(Path.Combine(temp.Path, "iterations.svg"));
        Assert.That(svg, Does.Contain("gsm8k").And.Contain("mean response tokens (right)").And.Contain("2 (sft)"));
        Assert.That(svg, Does.Not.Contain("cmath"));
        Assert.That(File.ReadAllBytes(Path.Combine(temp.Path, "iterations.png")).Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
    }
}
