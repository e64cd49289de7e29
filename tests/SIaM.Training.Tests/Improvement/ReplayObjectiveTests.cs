using SIaM.Training.Losses;
using SIaM.Training.Scoring;
using SIaM.Training.Tests.Support;
using SIaM.Training.Trainers;
using static TorchSharp.torch;

namespace SIaM.Training.Tests.Improvement;

public sealed class ReplayObjectiveTests
{
    private static readonly IReadOnlyList<PreferencePair> Pairs = TinyModels.Pairs(4, seed: 3);
    private static readonly IReadOnlyList<TokenizedExample> Seed = TinyModels.Examples(3, seed: 5);

    private static PreferenceObjective Preference() => new(Pairs, padId: 0, PreferenceLosses.Create("simpo"), reference: null);

    [Test]
    public void A_mixed_batch_weighs_the_preference_loss_and_the_replayed_sft_loss_by_their_examples()
    {
        // Arrange: indices 0..3 are pairs, 4..6 seed programs
        using var lm = TinyModels.Fresh();
        var objective = new ReplayObjective(Preference(), new SftObjective(Seed, padId: 0));
        using var scope = NewDisposeScope();

        // Act
        var mixed = objective.Loss(lm, [1, 5, 3, 6, 0]).item<float>();

        // Assert
        var pairs = Preference().Loss(lm, [1, 3, 0]).item<float>();
        var seed = new SftObjective(Seed, padId: 0).Loss(lm, [1, 2]).item<float>();
        Assert.That(objective.Count, Is.EqualTo(7));
        Assert.That(mixed, Is.EqualTo((3 * pairs + 2 * seed) / 5).Within(1e-5));
    }

    [Test]
    public void A_batch_from_one_side_is_that_side_s_loss_alone()
    {
        // Arrange
        using var lm = TinyModels.Fresh();
        var objective = new ReplayObjective(Preference(), new SftObjective(Seed, padId: 0));
        using var scope = NewDisposeScope();

        // Act
        var onlyPairs = objective.Loss(lm, [2, 3]).item<float>();
        var onlySeed = objective.Loss(lm, [4, 6]).item<float>();

        // Assert
        Assert.That(onlyPairs, Is.EqualTo(Preference().Loss(lm, [2, 3]).item<float>()).Within(1e-6));
        Assert.That(onlySeed, Is.EqualTo(new SftObjective(Seed, padId: 0).Loss(lm, [0, 2]).item<float>()).Within(1e-6));
    }

    [Test]
    public void Gradients_reach_the_model_through_both_parts()
    {
        // Arrange
        using var lm = TinyModels.Fresh();
        lm.SetTrainable(true);
        var objective = new ReplayObjective(Preference(), new SftObjective(Seed, padId: 0));
        using var scope = NewDisposeScope();

        // Act
        objective.Loss(lm, [0, 4]).backward();
        var mixed = lm.parameters().Select(p => p.grad!.abs().sum().item<float>()).Sum();
        foreach (var p in lm.parameters()) p.grad!.zero_();
        Preference().Loss(lm, [0]).backward();
        var pairOnly = lm.parameters().Select(p => p.grad!.abs().sum().item<float>()).Sum();

        // Assert
        Assert.That(mixed, Is.GreaterThan(0));
        Assert.That(mixed, Is.Not.EqualTo(pairOnly).Within(1e-6));
    }
}
