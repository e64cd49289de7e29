using System.Text.Json;
using SIaM.Core.Runs;
using SIaM.SelfImprovement.Synthetic;
using SIaM.TorchSharp.Models;
using SIaM.Training.Checkpoints;
using SIaM.Training.Models;
using SIaM.Training.Scoring;
using SIaM.Training.Tokenizers;
using SIaM.Training.Trainers;

namespace SIaM.SelfImprovement;

/// <summary>
/// The CPU-sized setting of <c>siam improve --demo</c>: a synthetic suite, a BPE tokenizer built on its text, and a tiny
/// decoder (the <c>hf:</c> architecture) trained from scratch on the seed set into a weak policy. Everything is drawn
/// from one seed and written under one directory (skipped when already there).
/// </summary>
public static class DemoFixture
{
    /// <summary>
    /// Sizes of the fixture, and the loop settings the demo runs with (unless given on the command line). With
    /// <paramref name="PolicyTarget"/> above 0 the weak policy trains until its greedy programs match the reference on that
    /// share of a calibration set (<paramref name="CalibrationPerFamily"/> seed-family questions per family and language,
    /// in no other set), checked every <paramref name="PolicyCheckEvery"/> steps, at most <paramref name="PolicySteps"/>
    /// steps: about as strong on every seed, where a fixed step count leaves it strong on some seeds and weak on others.
    /// </summary>
    public sealed record Sizes(int SeedPerFamily, int PoolPerFamily, int EvalPerFamily, int Merges, int Hidden, int Layers, int PolicySteps,
        int K, int Epochs, double LearningRate, double PolicyTarget = 0, int CalibrationPerFamily = 20, int PolicyCheckEvery = 10)
    {
        /// <summary>The demo's loop settings applied to <paramref name="options"/>.</summary>
        public ImprovementOptions Apply(ImprovementOptions options) => options with { Epochs = Epochs, LearningRate = LearningRate };
    }

    /// <summary>
    /// The demo (≤ 5 minutes on 2 cores): the CI fixture's shape (20 seed programs and 40 pool questions per family and
    /// language, k = 4, a weak policy trained to 10 % of the calibration set, 20 epochs per iteration) with larger
    /// evaluation suites and, by default, two iterations.
    /// </summary>
    public static Sizes Demo { get; } = new(SeedPerFamily: 20, PoolPerFamily: 40, EvalPerFamily: 40, Merges: 300, Hidden: 64, Layers: 2, PolicySteps: 400,
        K: 4, Epochs: 20, LearningRate: 2e-3, PolicyTarget: 0.1);

    /// <summary>
    /// The CI fixture (≤ 3 minutes): a small seed set (20 programs per family and language) that the loop's own programs
    /// for 40 pool questions per family and language (k = 4) add to, a weak policy trained until its greedy programs match
    /// 10 % of the calibration set (so about as strong on every seed) and 20 epochs per iteration; its loop − control is
    /// robust over seeds 0–4 on the seed tier, not on the answer-only tier (docs/loop.md, "The CI margin").
    /// </summary>
    public static Sizes Ci { get; } = new(SeedPerFamily: 20, PoolPerFamily: 40, EvalPerFamily: 30, Merges: 300, Hidden: 64, Layers: 2, PolicySteps: 400,
        K: 4, Epochs: 20, LearningRate: 2e-3, PolicyTarget: 0.1);

    /// <summary>What the fixture provides to the loop; <paramref name="Families"/> maps every pool and evaluation id to its family.</summary>
    public sealed record Data(string PolicyDirectory, IReadOnlyList<LoopQuestion> Pool,
        IReadOnlyDictionary<string, IReadOnlyList<LoopQuestion>> Evaluation, IReadOnlyList<(LoopQuestion Question, string Program)> Seed,
        IReadOnlyDictionary<string, QuestionFamily> Families);

    /// <summary>Builds (or reuses) the fixture under <paramref name="directory"/>.</summary>
    public static async Task<Data> BuildAsync(string directory, int seed, Sizes sizes, Action<string> log, CancellationToken cancellationToken)
    {
        var suite = SyntheticSuite.Generate(seed, sizes.SeedPerFamily, sizes.PoolPerFamily, sizes.EvalPerFamily);
        static LoopQuestion Q(SyntheticProblem p) => new(p.Id, p.Question, p.Answer);
        var pool = suite.Pool.Select(Q).ToList();
        var evaluation = suite.Evaluation.ToDictionary(
            e => e.Key,
            e => (IReadOnlyList<LoopQuestion>)e.Value.Select(p => Q(p) with { Program = p.Program }).ToList());
        var seedSet = suite.SeedSet.Select(p => (Q(p), p.Program)).ToList();
        Directory.CreateDirectory(directory);
        QuestionsFile.Write(Path.Combine(directory, "questions.jsonl"), pool);
        foreach (var (name, questions) in evaluation) QuestionsFile.Write(Path.Combine(directory, $"eval-{name}.jsonl"), questions);
        AtomicFile.WriteText(
            Path.Combine(directory, "seed.jsonl"),
            string.Concat(suite.SeedSet.Select(p => JsonSerializer.Serialize(p, JsonFormat.Line) + "\n")));

        var policy = Path.Combine(directory, "policy");
        if (!Directory.Exists(policy))
        {
            var tokenizerDirectory = Path.Combine(directory, "tokenizer");
            var corpus = suite.SeedSet
                .SelectMany(p => new[] { PolicyFormat.Prompt(p.Question), p.Program })
                .Concat(suite.Pool.Select(p => PolicyFormat.Prompt(p.Question)));
            var vocab = BpeTokenizerBuilder.Build(corpus, sizes.Merges, tokenizerDirectory);
            var tokenizer = SIaM.Tokenization.HfTokenizer.Load(tokenizerDirectory);
            var llama = CausalLmConfig.Llama(vocab, sizes.Hidden, sizes.Hidden * 3, sizes.Layers, heads: 4, kvHeads: 2);
            var config = llama with { EosTokenIds = [1], MaxPositionEmbeddings = 256, TieWordEmbeddings = true };
            using var lm = FreshModel.Create(config, seed);
            var examples = suite.SeedSet.Select(p => new TokenizedExample(tokenizer.Encode(PolicyFormat.Prompt(p.Question)),
                [.. tokenizer.Encode(p.Program, addSpecialTokens: false), 1])).ToList();
            var options = new TrainingOptions(sizes.PolicySteps, BatchSize: 16, LearningRate: 3e-3, WarmupSteps: 10, Seed: seed);
            var calibration = sizes.PolicyTarget > 0 ? suite.Calibration(seed, sizes.CalibrationPerFamily) : [];
            double last = double.NaN, matched = double.NaN;
            var steps = 0;
            await foreach (var p in Trainer.RunAsync(lm, new SftObjective(examples, 0), options, cancellationToken: cancellationToken))
            {
                (last, steps) = (p.Loss, p.Step);
                if (calibration.Count == 0 || p.Step % sizes.PolicyCheckEvery != 0) continue;
                matched = ProgramMatch.Rate(lm, tokenizer, calibration);
                log($"weak policy: step {p.Step}, greedy programs match {matched:P1} of {calibration.Count} calibration questions");
                if (matched >= sizes.PolicyTarget) break;
            }
            var target = calibration.Count == 0 ? "" : $", {matched:P1} of {calibration.Count} calibration programs matched (target {sizes.PolicyTarget:P0})";
            log($"weak policy: {lm.parameters().Sum(p => p.numel()):N0} parameters, vocabulary {vocab}, " +
                $"{steps} SFT steps on {examples.Count} seed programs, final loss {last:F3}{target}");
            lm.SetTrainable(false);
            HfCheckpointWriter.Write(lm, tokenizerDirectory, policy);
        }
        var families = suite.Pool.Concat(suite.Evaluation.Values.SelectMany(v => v))
            .ToDictionary(p => p.Id, p => new QuestionFamily(
                p.Family,
                p.Language.ToString().ToLowerInvariant(),
                p.Tier != FamilyTier.Seed,
                SyntheticSuite.TierName(p.Tier)));
        return new Data(policy, pool, evaluation, seedSet, families);
    }
}
