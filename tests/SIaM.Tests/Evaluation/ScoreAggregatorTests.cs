using SIaM.Core.Backends;
using SIaM.Core.Runs;

namespace SIaM.Tests.Evaluation;

public sealed class ScoreAggregatorTests
{
    private static SampleRecord Sample(int index, int sample, bool? correct, CompletionStatus status = CompletionStatus.Ok) => new(
        $"b/{index}", "b", index, sample, "h", status, "", null, [], null, "boxed", "1", correct, "p", null, null, null);

    private static bool Exact(string id, string a, string b) => a == b;

    private static SampleRecord Answered(int index, int sample, string answer, bool correct) =>
        Sample(index, sample, correct) with { Extracted = answer };

    [Test]
    public void Reports_unbiased_pass_at_k_and_majority_vote_for_each_k()
    {
        // Arrange: 2 problems × 4 samples. Problem 0: answers 5,7,7,5 with 5 correct (c=2); problem 1: 3,3,9,1 with 9 correct (c=1)
        var records = new[]
        {
            Answered(0, 0, "5", true), Answered(0, 1, "7", false), Answered(0, 2, "7", false), Answered(0, 3, "5", true),
            Answered(1, 0, "3", false), Answered(1, 1, "3", false), Answered(1, 2, "9", true), Answered(1, 3, "1", false),
        };

        // Act
        var result = ScoreAggregator.Benchmark("b@1", 2, 4, records, [4, 1, 2], Exact);

        // Assert: pass@1 = mean(2/4, 1/4); pass@2 = mean(1 − C(2,2)/C(4,2), 1 − C(3,2)/C(4,2)) = mean(5/6, 1/2); pass@4 = 1
        Assert.That(result.PassAt.Keys, Is.EqualTo(new[] { "1", "2", "4" }));
        Assert.That(result.PassAt["1"], Is.EqualTo(0.375).Within(1e-12));
        Assert.That(result.PassAt["2"], Is.EqualTo((5 / 6.0 + 0.5) / 2).Within(1e-12));
        Assert.That(result.PassAt["4"], Is.EqualTo(1.0).Within(1e-12));
        // maj@1: first answers 5 (right), 3 (wrong); maj@2: ties 5|7 → earliest 5 (right), 3 (wrong);
        // maj@4: problem 0 ties 5,5|7,7 → earliest group 5 (right); problem 1: 3 wins (wrong)
        Assert.That(result.MajAt["1"], Is.EqualTo(0.5).Within(1e-12));
        Assert.That(result.MajAt["2"], Is.EqualTo(0.5).Within(1e-12));
        Assert.That(result.MajAt["4"], Is.EqualTo(0.5).Within(1e-12));
    }

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
        var result = ScoreAggregator.Benchmark("b@1", 3, 2, records, [1, 2], Exact);

        // Assert
        Assert.That((result.Samples, result.Graded, result.Correct, result.Missing), Is.EqualTo((6, 5, 3, 1)));
        Assert.That(result.Accuracy, Is.EqualTo(0.6).Within(1e-12));
        // pass@2 over the problems with 2 graded samples (0 and 1): both have a correct one
        Assert.That(result.PassAt["2"], Is.EqualTo(1.0).Within(1e-12));
        // pass@1 per problem: 1, 0.5, 0 (problem 2 has one graded sample)
        Assert.That(result.PassAt["1"], Is.EqualTo(0.5).Within(1e-12));
        // per-problem means 1, 0.5, 0 → sample sd 0.5 → stderr 0.5/√3
        Assert.That(result.StandardError, Is.EqualTo(0.5 / Math.Sqrt(3)).Within(1e-12));
    }

    [Test]
    public void Averages_suites_both_over_samples_and_over_benchmarks()
    {
        var a = ScoreAggregator.Benchmark("a@1", 4, 1, [Sample(0, 0, true), Sample(1, 0, true), Sample(2, 0, true), Sample(3, 0, true)], [1], Exact);
        var b = ScoreAggregator.Benchmark("b@1", 1, 1, [Sample(0, 0, false)], [1], Exact);

        var suites = ScoreAggregator.Suites(
            new Dictionary<string, IReadOnlyList<string>> { ["s"] = ["a", "b"], ["t"] = ["a", "c"], ["u"] = ["c"] },
            new Dictionary<string, BenchmarkResult> { ["a"] = a, ["b"] = b });

        Assert.That(suites.Keys, Is.EqualTo(new[] { "s", "t" }));
        Assert.That(suites["s"].Accuracy, Is.EqualTo(0.8).Within(1e-12));
        Assert.That(suites["s"].MacroAccuracy, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(suites["s"].Complete, Is.True);
        Assert.That(suites["t"].Complete, Is.False);
    }
}
