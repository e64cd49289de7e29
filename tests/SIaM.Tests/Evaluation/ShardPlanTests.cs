using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Evaluation;

namespace SIaM.Tests.Evaluation;

public sealed class ShardPlanTests
{
    private static LoadedBenchmark Toy(string id, int problems) => new(
        new BenchmarkInfo(id, 1, Language.En, AnswerKind.Number),
        Enumerable.Range(0, problems).Select(i => new Problem(id, i, $"What is {i} + {i}?", (2 * i).ToString(), AnswerKind.Number)).ToList(),
        "0000", true);

    private static readonly IReadOnlyList<LoadedBenchmark> TwoBenchmarks = [Toy("a", 7), Toy("b", 5)];

    private static RunSpec Spec(Shard? shard, int? limit = null) => new(
        "scripted:", ["a", "b"], PromptStyle.Cot, 0, 3, limit, GenerationConfig.Greedy, 3, "none", 1e-4, Shard: shard);

    [TestCase("1/1", 1, 1)]
    [TestCase("2/4", 2, 4)]
    [TestCase("64/64", 64, 64)]
    public void Parses_an_index_and_a_count(string text, int index, int count)
    {
        // Act
        var shard = Shard.Parse(text);

        // Assert
        Assert.That(shard, Is.EqualTo(new Shard(index, count)));
        Assert.That(shard.ToString(), Is.EqualTo(text));
    }

    [TestCase("0/4", "must be from 1 to 4")]
    [TestCase("5/4", "must be from 1 to 4")]
    [TestCase("1/0", "count N must be at least 1")]
    [TestCase("x/y", "is not a shard")]
    [TestCase("-1/4", "is not a shard")]
    [TestCase("1/4/2", "is not a shard")]
    [TestCase("2", "is not a shard")]
    [TestCase("", "is not a shard")]
    public void Refuses_what_is_not_I_of_N_saying_why(string text, string message)
    {
        // Act + Assert
        var error = Assert.Throws<InputException>(() => Shard.Parse(text));
        Assert.That(error!.Message, Does.Contain($"'{text}'").And.Contain(message));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    [TestCase(12)]
    [TestCase(13)]
    public void Every_problem_and_sample_lands_in_exactly_one_shard_for_any_count(int count)
    {
        // Arrange
        var whole = EvalRunner.Plan(Spec(null), TwoBenchmarks).Select(w => (w.Problem.Id, w.Sample)).ToList();

        // Act
        var slices = Enumerable.Range(1, count)
            .Select(i => EvalRunner.Plan(Spec(new Shard(i, count)), TwoBenchmarks).Select(w => (w.Problem.Id, w.Sample)).ToList()).ToList();

        // Assert
        Assert.That(slices.SelectMany(s => s), Is.EquivalentTo(whole));
        Assert.That(slices.SelectMany(s => s), Is.Unique);
        var sizes = slices.Select(s => s.Count / 3).ToList();
        Assert.That(sizes.Max() - sizes.Min(), Is.LessThanOrEqualTo(1), "shards differ in size by at most one problem");
    }

    [Test]
    public void Numbers_problems_across_benchmarks_after_the_limit_and_keeps_a_problems_samples_together()
    {
        // Act: limit 4 → a/0..3 are problems 0-3, b/0..3 problems 4-7; shard 2/3 owns 1, 4 and 7
        var plan = EvalRunner.Plan(Spec(new Shard(2, 3), limit: 4), TwoBenchmarks);

        // Assert
        Assert.That(plan.Select(w => $"{w.Problem.Id}#{w.Sample}"),
            Is.EqualTo(new[] { "a/1#0", "a/1#1", "a/1#2", "b/0#0", "b/0#1", "b/0#2", "b/3#0", "b/3#1", "b/3#2" }));
    }
}
