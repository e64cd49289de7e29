using SIaM.SelfImprovement;
using SIaM.SelfImprovement.Critic;
using SIaM.SelfImprovement.Synthetic;

namespace SIaM.Training.Tests.Critics;

public sealed class DemoCriticDataTests
{
    private static readonly IReadOnlyList<LoopQuestion> Pool = SyntheticSuite.Generate(seed: 0, seedPerFamily: 5, poolPerFamily: 20, evalPerFamily: 5).Pool
        .Select(p => new LoopQuestion(p.Id, p.Question, p.Answer)).ToList();

    [Test]
    public void No_compact_prompt_and_no_reference_result_pair_is_on_both_sides_of_the_split()
    {
        // Act
        var (train, held) = DemoCriticData.Build(Pool, seed: 0);

        // Assert: checked on the written lines themselves, not on the groups the split formed
        var trainPrompts = train.Select(e => e.Line.Prompt).ToHashSet();
        var trainPairs = train.Select(e => (e.Reference, e.Output)).ToHashSet();
        Assert.That(held, Has.Count.GreaterThan(train.Count / 10), "a held-out set of some size");
        Assert.That(held.Where(e => trainPrompts.Contains(e.Line.Prompt)), Is.Empty);
        Assert.That(held.Where(e => trainPairs.Contains((e.Reference, e.Output))), Is.Empty);
    }

    [Test]
    public void The_trivial_baseline_compares_the_two_numbers_whatever_the_format()
    {
        // Arrange
        var (train, held) = DemoCriticData.Build(Pool, seed: 0);

        // Act
        var trivialAccuracy = held.Count(e => DemoCriticData.Trivial(e) == e.Line.Label) / (double)held.Count;

        // Assert: the demo's formats (units, labels, fractions, floats) all state the one number, so comparing the
        // numbers is right on every example: the critic cannot beat it on this task (docs/loop.md says so)
        Assert.That(trivialAccuracy, Is.EqualTo(1.0));
    }
}
