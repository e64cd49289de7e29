using SIaM.Core;
using SIaM.Testing;
using SIaM.Training.Losses;
using SIaM.Training.Optimization;
using SIaM.Training.Tests.Support;
using SIaM.Training.Trainers;

namespace SIaM.Training.Tests.Trainers;

public sealed class TrainerTests
{
    private static readonly TrainingOptions Options = new(Steps: 6, BatchSize: 3, AccumulationSteps: 2, LearningRate: 5e-3,
        WarmupSteps: 2, Schedule: ScheduleKind.Cosine, WeightDecay: 0.01, MaxGradNorm: 1.0, Seed: 4, CheckpointEvery: 1);

    [Test]
    public async Task A_run_resumed_from_a_mid_training_checkpoint_ends_bit_identical_to_an_uninterrupted_one()
    {
        // Arrange
        using var temp = new TempDirectory();
        var objective = new SftObjective(TinyModels.Examples(10, seed: 1), padId: 0);
        using var uninterrupted = TinyModels.Fresh();
        var full = await TinyModels.Drain(Trainer.RunAsync(uninterrupted, objective, Options, temp.File("a")));
        using (var interrupted = TinyModels.Fresh())
            await TinyModels.Drain(Trainer.RunAsync(interrupted, objective, Options, temp.File("b")), stopAfter: 3);

        // Act: a new process would start from fresh weights; the checkpoint replaces them
        using var resumed = TinyModels.Fresh(seed: 99);
        var rest = await TinyModels.Drain(Trainer.RunAsync(resumed, objective, Options, temp.File("b")));

        // Assert
        Assert.That(rest.Select(p => p.Step), Is.EqualTo(new[] { 4, 5, 6 }));
        Assert.That(rest.Select(p => p.Loss), Is.EqualTo(full.Skip(3).Select(p => p.Loss)));
        var expected = uninterrupted.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in resumed.named_parameters())
            Assert.That(Tensors.BitEqual(parameter, expected[name]), Is.True, name);
    }

    [Test]
    public async Task Two_accumulated_micro_batches_update_like_one_batch_of_twice_the_size()
    {
        // Arrange: equal lengths, so the token mean of the big batch is the mean of the two micro-batch means
        var objective = new SftObjective(TinyModels.Examples(8, seed: 2, equalLengths: true), padId: 0);
        var single = Options with { Steps = 3, BatchSize = 4, AccumulationSteps = 1, CheckpointEvery = 0 };
        using var a = TinyModels.Fresh();
        using var b = TinyModels.Fresh();

        // Act
        await TinyModels.Drain(Trainer.RunAsync(a, objective, single));
        await TinyModels.Drain(Trainer.RunAsync(b, objective, single with { BatchSize = 2, AccumulationSteps = 2 }));

        // Assert
        var expected = a.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in b.named_parameters())
            Assert.That(Tensors.Values(parameter), Is.EqualTo(Tensors.Values(expected[name])).Within(1e-5), name);
    }

    [Test]
    public async Task Sft_drives_the_loss_down_on_a_small_set()
    {
        // Arrange
        var objective = new SftObjective(TinyModels.Examples(4, seed: 3), padId: 0);
        using var lm = TinyModels.Fresh();

        // Act
        var run = await TinyModels.Drain(Trainer.RunAsync(lm, objective, new TrainingOptions(Steps: 60, BatchSize: 4, LearningRate: 1e-2)));

        // Assert: random weights start near ln 40 ≈ 3.7
        Assert.That(run[0].Loss, Is.GreaterThan(3.3));
        Assert.That(run[^1].Loss, Is.LessThan(1.0));
    }

    [Test]
    public async Task Dpo_widens_the_margin_and_the_cached_reference_stays_the_initial_policy()
    {
        // Arrange
        using var temp = new TempDirectory();
        var pairs = TinyModels.Pairs(6, seed: 5);
        using var lm = TinyModels.Fresh();
        var before = ReferenceLogProbs.Score(lm, pairs.Select(p => p.ChosenExample).ToList(), 0, 4);
        var reference = ReferenceLogProbs.LoadOrCompute(lm, pairs, 0, 4, temp.File("reference.json"));
        var objective = new PreferenceObjective(pairs, 0, new DpoLoss(Beta: 0.5), reference);

        // Act
        var run = await TinyModels.Drain(Trainer.RunAsync(lm, objective, new TrainingOptions(Steps: 30, BatchSize: 6, LearningRate: 1e-2)));
        using var other = TinyModels.Fresh(seed: 1234);
        var reread = ReferenceLogProbs.LoadOrCompute(other, pairs, 0, 4, temp.File("reference.json"));

        // Assert
        Assert.That(run[0].Loss, Is.EqualTo(Math.Log(2)).Within(1e-5));
        Assert.That(run[^1].Loss, Is.LessThan(0.2));
        Assert.That(reference.Chosen, Is.EqualTo(before));
        Assert.That(reread.Chosen, Is.EqualTo(reference.Chosen));
        Assert.That(reread.Kl, Is.EqualTo(reference.Kl));
    }

    [TestCase("ipo")]
    [TestCase("orpo")]
    [TestCase("kto")]
    [TestCase("simpo")]
    public async Task Every_preference_loss_trains_and_lowers_its_loss(string name)
    {
        // Arrange
        var pairs = TinyModels.Pairs(6, seed: 6);
        using var lm = TinyModels.Fresh();
        var reference = ReferenceLogProbs.LoadOrCompute(lm, pairs, 0, 6, cacheFile: null);
        var objective = new PreferenceObjective(pairs, 0, PreferenceLosses.Create(name), reference);

        // Act
        var run = await TinyModels.Drain(Trainer.RunAsync(lm, objective, new TrainingOptions(Steps: 25, BatchSize: 6, LearningRate: 1e-2)));

        // Assert
        Assert.That(run[^1].Loss, Is.LessThan(run[0].Loss));
        Assert.That(run.All(p => double.IsFinite(p.Loss)), Is.True);
    }

    [Test]
    public async Task A_checkpoint_of_a_run_with_other_options_is_refused()
    {
        // Arrange
        using var temp = new TempDirectory();
        var objective = new SftObjective(TinyModels.Examples(6, seed: 1), padId: 0);
        using var lm = TinyModels.Fresh();
        await TinyModels.Drain(Trainer.RunAsync(lm, objective, Options with { Steps = 2 }, temp.File("ckpt")));

        // Act + Assert
        var error = await Assert.ThrowsAsync<InputException>(() =>
            TinyModels.Drain(Trainer.RunAsync(lm, objective, Options with { Steps = 2, Seed = 5 }, temp.File("ckpt"))));
        Assert.That(error!.Message, Does.Contain("another run"));
    }
}
