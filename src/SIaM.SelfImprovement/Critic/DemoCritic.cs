using System.Globalization;
using SIaM.Core.Sandbox;
using SIaM.Core.SelfImprovement;
using SIaM.Critique;
using SIaM.Critique.Calibration;
using SIaM.Critique.TrainingData;
using SIaM.SelfImprovement;
using SIaM.Tokenization;
using SIaM.TorchSharp.Models;
using SIaM.Training.Checkpoints;
using SIaM.Training.Models;
using SIaM.Training.Tokenizers;
using SIaM.Training.Trainers;

namespace SIaM.SelfImprovement.Critic;

/// <summary>
/// The demo's critic: critic data from the pool (<see cref="DemoCriticData"/>) under <c>DIR/data</c>, a BPE tokenizer
/// built on it, a tiny decoder with fresh weights as the base, then <see cref="CriticTraining"/> (the trainer of
/// <c>siam critic train</c>) into <c>DIR/model</c>. Reused when <c>DIR/model</c> exists. The prompts are compact
/// (<see cref="CriticFormat.Compact"/>): with the whole plain prompt (≈ 300 tokens of instructions, question and program)
/// a 2-layer decoder trained from scratch stayed at chance; with only the reference and the result side by side (≤ 30
/// tokens, digits split one per token) it learns the comparison, given enough examples (batch 64 rather than 16).
/// </summary>
public static class DemoCritic
{
    public sealed record Sizes(int Merges, int Hidden, int Layers, int Steps, int BatchSize, double LearningRate);

    // Room for the longest compact prompt the loop can ask about (two sections of 80 characters), not only the training set's.
    private const int Context = 256;

    public static Sizes Demo { get; } = new(Merges: 300, Hidden: 64, Layers: 2, Steps: 1500, BatchSize: 64, LearningRate: 2e-3);

    // The CI fixture's critic sees half the examples (its test only needs it clearly above chance).
    public static Sizes Ci { get; } = new(Merges: 300, Hidden: 64, Layers: 2, Steps: 1000, BatchSize: 32, LearningRate: 2e-3);

    /// <summary>
    /// The checkpoint, and on the held-out examples the accuracy of the critic, of the rule filter and of the trivial
    /// baseline (compare the two numbers) when it was trained now (null when reused).
    /// </summary>
    public sealed record Built(string Model, CalibrationReport? Critic, CalibrationReport? Rule, CalibrationReport? Trivial);

    /// <summary>
    /// The held-out examples as a labels file (question, reference, program, output, label), beside <c>heldout.jsonl</c>:
    /// <c>siam critic calibrate --labels</c> re-scores the critic on it independently of the trainer's own figure.
    /// </summary>
    public const string HeldOutLabels = "heldout.labels.jsonl";

    public static async Task<Built> BuildAsync(string directory, IReadOnlyList<LoopQuestion> pool, int seed, Sizes sizes, string device, Action<string> log,
        CancellationToken cancellationToken)
    {
        var model = Path.Combine(directory, "model");
        if (Directory.Exists(model)) return new Built(model, null, null, null);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        var (train, heldOut) = DemoCriticData.Build(pool, seed);
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(data);
        CriticDataFile.Write(Path.Combine(data, "train.jsonl"), train.Select(e => e.Line).ToList());
        CriticDataFile.Write(Path.Combine(data, "heldout.jsonl"), heldOut.Select(e => e.Line).ToList());
        LabelsFile.Write(Path.Combine(data, HeldOutLabels), heldOut.Select(e => new LabelledCase(e.Case, e.Line.Label)));

        var tokenizerDirectory = Path.Combine(directory, "tokenizer");
        var vocab = BpeTokenizerBuilder.Build(train.SelectMany(e => new[] { e.Line.Prompt + " " + e.Line.Response }), sizes.Merges, tokenizerDirectory);
        var tokenizer = HfTokenizer.Load(tokenizerDirectory);
        var longest = train.Concat(heldOut).Max(e => tokenizer.Encode(e.Line.Prompt + " " + e.Line.Response).Count);
        var llama = CausalLmConfig.Llama(vocab, sizes.Hidden, sizes.Hidden * 3, sizes.Layers, heads: 4, kvHeads: 2);
        var config = llama with { EosTokenIds = [1], MaxPositionEmbeddings = Math.Max(Context, (longest + 63) / 64 * 64), TieWordEmbeddings = true };
        var baseModel = Path.Combine(directory, "base");
        using (var lm = FreshModel.Create(config, seed))
        {
            lm.SetTrainable(false);
            HfCheckpointWriter.Write(lm, tokenizerDirectory, baseModel);
        }
        log($"demo critic: {train.Count} train / {heldOut.Count} held-out examples, vocabulary {vocab}, prompts up to {longest} tokens");
        var options = new TrainingOptions(sizes.Steps, BatchSize: sizes.BatchSize, LearningRate: sizes.LearningRate, WarmupSteps: sizes.Steps / 10, Seed: seed);
        var report = await CriticTraining.RunAsync(data, baseModel, model, options, device, line => log($"demo critic: {line}"), cancellationToken);
        var rule = Score(heldOut, e => RuleFilter.Accepts(e.Reference, new ExecResult(ExecStatus.Ok, 0, e.Output + "\n", "", 0, false)));
        var trivial = Score(heldOut, DemoCriticData.Trivial);
        log(string.Create(CultureInfo.InvariantCulture,
            $"demo critic: trained {report.Train.Steps} steps in {report.TrainSeconds:F0} s ({report.TrainCpuSeconds:F0} s CPU), "
            + $"loss {report.Train.FirstLoss:F3} → {report.Train.LastLoss:F3}; held-out accuracy (no prompt or (reference, result) pair shared with "
            + $"train) critic {report.HeldOut?.Accuracy:P1} (ECE {report.HeldOut?.Ece:F3}), rule {rule.Accuracy:P1} (recall {rule.Recall:P1}), "
            + $"trivial (compare the two numbers) {trivial.Accuracy:P1}"));
        return new Built(model, report.HeldOut, rule, trivial);
    }

    private static CalibrationReport Score(IEnumerable<DemoCriticData.Example> examples, Func<DemoCriticData.Example, bool> accepts) =>
        Calibrator.Compute(examples.Select(e => (accepts(e) ? 1.0 : 0.0, e.Line.Label)).ToList(), 0.5);
}
