using SIaM.Core.Backends;
using SIaM.Core.Runs;

namespace SIaM.Tests.Evaluation;

public sealed class ResultsBuilderTests
{
    private static SampleRecord Sample(int index, int sample, bool? correct, CompletionStatus status = CompletionStatus.Ok) => new(
        $"b/{index}", "b", index, sample, "h", status, "", null, [], null, "boxed", "1", correct, "p", null, null, null);

    [Test]
    public void Counts_missing_samples_apart_from_graded_ones()
    {
        // Arrange: 3 problems × 2 samples; one sample missing
        var records = new[]
        {
            Sample(0, 0, true), Sample(0, 1, true), Sample(1, 0, false), Sample(1, 1, true),
            Sample(2, 0, false), Sample(2, 1, null, CompletionStatus.Missing),
        };

        // Act
        var result = ResultsBuilder.Benchmark("b@1", 3, 2, records);

        // Assert
        Assert.That((result.Samples, result.Graded, result.Correct, result.Missing), Is.EqualTo((6, 5, 3, 1)));
        Assert.That(result.Accuracy, Is.EqualTo(0.6).Within(1e-12));
        Assert.That(result.PassAtK, Is.EqualTo(2 / 3.0).Within(1e-12));
        // per-problem means 1, 0.5, 0 → sample sd 0.5 → stderr 0.5/√3
        Assert.That(result.StandardError, Is.EqualTo(0.5 / Math.Sqrt(3)).Within(1e-12));
    }

    [Test]
    public void Averages_suites_both_over_samples_and_over_benchmarks()
    {
        var a = ResultsBuilder.Benchmark("a@1", 4, 1, [Sample(0, 0, true), Sample(1, 0, true), Sample(2, 0, true), Sample(3, 0, true)]);
        var b = ResultsBuilder.Benchmark("b@1", 1, 1, [Sample(0, 0, false)]);

        var suites = ResultsBuilder.Suites(
            new Dictionary<string, IReadOnlyList<string>> { ["s"] = ["a", "b"], ["t"] = ["a", "c"], ["u"] = ["c"] },
            new Dictionary<string, BenchmarkResult> { ["a"] = a, ["b"] = b });

        Assert.That(suites.Keys, Is.EqualTo(new[] { "s", "t" }));
        Assert.That(suites["s"].Accuracy, Is.EqualTo(0.8).Within(1e-12));
        Assert.That(suites["s"].MacroAccuracy, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(suites["s"].Complete, Is.True);
        Assert.That(suites["t"].Complete, Is.False);
    }
}
