using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Core.SelfImprovement;
using SIaM.TorchSharp;
using SIaM.Training.Checkpoints;
using SIaM.Training.Losses;
using SIaM.Training.Scoring;
using SIaM.Training.Trainers;

namespace SIaM.Training.Improvement;

/// <summary>
/// The self-improvement loop: sample k programs per pool question from the policy, run them in the sandbox, let every
/// filter judge the output against the reference answer, select SFT targets or preference pairs, train, write the new
/// checkpoint and evaluate it. Every stage is a file under <c>DIR/iter-&lt;i&gt;/</c> and is skipped when present, so an
/// interrupted run resumes; <c>DIR/iterations.json</c> is rewritten after every iteration. The policy samples, trains
/// and is evaluated on <c>device</c> (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>).
/// </summary>
public sealed class ImprovementLoop(
    ImprovementOptions options,
    IReadOnlyList<LoopQuestion> pool,
    IReadOnlyDictionary<string, IReadOnlyList<LoopQuestion>> evaluation,
    IReadOnlyList<(LoopQuestion Question, string Program)> anchors,
    ICodeSandbox sandbox,
    IReadOnlyList<IProgramFilter> filters,
    Action<string> log,
    IReadOnlyDictionary<string, QuestionFamily>? families = null,
    string device = "cpu")
{
    /// <summary>Runs (or resumes) every iteration and returns the summaries written to iterations.json.</summary>
    public async Task<IReadOnlyList<IterationSummary>> RunAsync(string directory, CancellationToken cancellationToken)
    {
        if (!filters.Any(f => f.Name == options.Filter)) throw new InputException($"filter '{options.Filter}' is not among {string.Join(", ", filters.Select(f => f.Name))}");
        if (options.Algorithm != "sft") PreferenceLosses.Create(options.Algorithm);
        PolicyCheck.RequireTrainable(options.Policy);
        ClaimDirectory(options, directory);
        var summaries = new List<IterationSummary>();
        var initial = await Stage(Path.Combine(directory, "iter-0", "eval.json"), () => EvaluateAsync(options.Policy, Path.Combine(directory, "iter-0"), cancellationToken)).ConfigureAwait(false);
        summaries.Add(Summary(0, null, null, initial, Path.Combine(directory, "iter-0")));
        Write(directory, summaries);
        for (var i = 1; i <= options.Iterations; i++)
        {
            var iteration = Path.Combine(directory, $"iter-{i}");
            var policy = i == 1 ? options.Policy : Path.Combine(directory, $"iter-{i - 1}", "checkpoint");
            var checkpoint = Path.Combine(iteration, "checkpoint");
            if (!Directory.Exists(checkpoint)) await ImproveAsync(i, policy, iteration, checkpoint, cancellationToken).ConfigureAwait(false);
            var counts = Read<StageCounts>(Path.Combine(iteration, "counts.json"));
            var train = Read<TrainResult>(Path.Combine(iteration, "train.json"));
            var scores = await Stage(Path.Combine(iteration, "eval.json"), () => EvaluateAsync(checkpoint, iteration, cancellationToken)).ConfigureAwait(false);
            var summary = Summary(i, counts, train, scores, iteration);
            if (i == 1 && summaries[0].Families is { } start && summary.Families is { } now)
            {
                summary = summary with { Start = FamilyStart.Of(start, now, options.K) };
                foreach (var family in summary.Start.Where(f => f.AtZero)) log(family.Warning());
            }
            summaries.Add(summary);
            Write(directory, summaries);
            log($"iter {i}: " + string.Join("  ", scores.Select(s => $"{s.Key} {s.Value.Accuracy:P1}")));
        }
        return summaries;
    }

    private sealed record TrainResult(double Loss, int Steps);

    private IterationSummary Summary(int i, StageCounts? counts, TrainResult? train, Dictionary<string, SuiteScore> scores, string iteration) =>
        new(i, options.Algorithm, counts, train?.Loss, train?.Steps, scores,
            scores.Values.Sum(s => s.MeanResponseTokens * s.N) / Math.Max(1, scores.Values.Sum(s => s.N)),
            families is { Count: > 0 }
                ? FamilyScores.Of(families, JsonLines.Read<EvalRecord>(Path.Combine(iteration, "eval-samples.jsonl")),
                    i == 0 ? null : JsonLines.Read<LoopVerdict>(Path.Combine(iteration, "verdicts.jsonl")), options.Filter)
                : null);

    /// <summary>Creates <paramref name="directory"/> with run.json, or accepts it when its run.json holds these settings.</summary>
    /// <exception cref="InputException">The directory holds another run, or other files.</exception>
    public static void ClaimDirectory(ImprovementOptions options, string directory)
    {
        var runFile = Path.Combine(directory, "run.json");
        var text = JsonSerializer.Serialize(options, JsonOptions.Indented) + "\n";
        if (File.Exists(runFile))
        {
            if (File.ReadAllText(runFile) != text) throw new InputException($"{directory}: holds a run with other settings (see its run.json); use another --out");
            return;
        }
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new InputException($"{directory}: exists and is not a siam improve run; use another --out");
        Directory.CreateDirectory(directory);
        AtomicFile.WriteText(runFile, text);
    }

    private async Task ImproveAsync(int i, string policyDirectory, string iteration, string checkpoint, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(iteration);
        await using var backend = TorchSharpBackend.Load(TorchSharpBackendOptions.OnDevice(policyDirectory + "#batch=64", device));
        var tokenizer = backend.Tokenizer;
        var eos = tokenizer.EosTokenIds.Count > 0 ? tokenizer.EosTokenIds[0]
            : throw new InputException($"{policyDirectory}: the policy's tokenizer has no EOS token (training targets need one)");
        var pad = tokenizer.PadTokenId ?? eos;
        var byId = pool.ToDictionary(q => q.Id);

        var config = new GenerationConfig(Temperature: options.Temperature, MaxNewTokens: options.MaxNewTokens, Seed: options.Seed * 1000 + i);
        var samples = await StageLines(Path.Combine(iteration, "samples.jsonl"),
            () => SampleRunner.SampleAsync(backend, pool, options.K, config, cancellationToken)).ConfigureAwait(false);
        log($"iter {i}: {samples.Count} samples");
        var verdicts = await StageLines(Path.Combine(iteration, "verdicts.jsonl"),
            () => SampleRunner.JudgeAsync(samples, byId, sandbox, filters, 8, cancellationToken)).ConfigureAwait(false);
        var candidates = SampleRunner.Candidates(samples, verdicts, options.Filter);
        var limits = options.EffectiveLimits;
        var sft = SftTargetSelector.Select(candidates, limits);
        var pairs = PreferencePairSelector.Build(candidates, limits);
        RequireTrainingData(i, candidates, sft.Count, pairs.Count);
        JsonLines.Write(Path.Combine(iteration, "sft.jsonl"), sft);
        JsonLines.Write(Path.Combine(iteration, "pairs.jsonl"), pairs);
        var counts = new StageCounts(pool.Count, samples.Count, verdicts.Count(v => v.Program is not null), verdicts.Count(v => v.Status == ExecStatus.Ok),
            filters.ToDictionary(f => f.Name, f => verdicts.Count(v => v.Accepted.GetValueOrDefault(f.Name))), sft.Count, pairs.Count,
            candidates.Where(c => c.Accepted).Select(c => c.QuestionId).Distinct().Count());
        log($"iter {i}: {counts.RanOk} ran ok, {counts.Accepted[options.Filter]} accepted, {sft.Count} sft targets, {pairs.Count} pairs");

        IReadOnlyList<int> Prompt(string question) => tokenizer.Encode(PolicyFormat.Prompt(question));
        IReadOnlyList<int> Response(string completion) => [.. tokenizer.Encode(completion, addSpecialTokens: false), eos];
        ITrainingObjective objective;
        int count;
        var seedPrograms = anchors.Select(a => new TokenizedExample(Prompt(a.Question.Question), Response(a.Program))).ToList();
        if (options.Algorithm == "sft")
        {
            var examples = sft.Select(c => new TokenizedExample(Prompt(byId[c.QuestionId].Question), Response(c.Completion))).Concat(seedPrograms).ToList();
            objective = new SftObjective(examples, pad);
            count = examples.Count;
        }
        else
        {
            var tokenized = pairs.Select(p => new PreferencePair(Prompt(byId[p.QuestionId].Question), Response(p.Chosen.Completion), Response(p.Rejected.Completion))).ToList();
            var loss = PreferenceLosses.Create(options.Algorithm, options.Beta, options.Lambda);
            var reference = loss.NeedsReference || loss.NeedsKlTerms
                ? ReferenceLogProbs.LoadOrCompute(backend.Model, tokenized, pad, options.BatchSize, Path.Combine(iteration, "reference.json"))
                : null;
            objective = seedPrograms.Count == 0 ? new PreferenceObjective(tokenized, pad, loss, reference)
                : new ReplayObjective(new PreferenceObjective(tokenized, pad, loss, reference), new SftObjective(seedPrograms, pad));
            count = tokenized.Count + seedPrograms.Count;
        }
        var steps = Math.Max(10, (int)Math.Ceiling((double)options.Epochs * count / options.BatchSize));
        var training = new TrainingOptions(steps, Math.Min(options.BatchSize, count), 1, options.LearningRate, Math.Max(1, steps / 10),
            Optimization.ScheduleKind.Cosine, 0.0, 1.0, options.Seed + i, CheckpointEvery: 25);
        var logLines = new List<string>();
        double last = double.NaN;
        await foreach (var p in Trainer.RunAsync(backend.Model, objective, training, Path.Combine(iteration, "train-state"), cancellationToken).ConfigureAwait(false))
        {
            logLines.Add(JsonSerializer.Serialize(p, JsonOptions.Compact));
            last = p.Loss;
        }
        File.AppendAllLines(Path.Combine(iteration, "train-log.jsonl"), logLines);
        log($"iter {i}: trained {steps} steps on {count} {(options.Algorithm == "sft" ? "examples" : $"pairs and seed programs ({anchors.Count} replayed)")}, last loss {last:F4}");
        AtomicFile.WriteText(Path.Combine(iteration, "counts.json"), JsonSerializer.Serialize(counts, JsonOptions.Indented));
        AtomicFile.WriteText(Path.Combine(iteration, "train.json"), JsonSerializer.Serialize(new TrainResult(last, steps), JsonOptions.Indented));
        backend.Model.SetTrainable(false);
        HfCheckpointWriter.Write(backend.Model, policyDirectory, checkpoint);
        Directory.Delete(Path.Combine(iteration, "train-state"), recursive: true);
    }

    /// <summary>Refuses an empty training set before the iteration's data files are written, naming the stage and why it is empty.</summary>
    private void RequireTrainingData(int i, IReadOnlyList<CandidateProgram> candidates, int sft, int pairs)
    {
        var questions = candidates.GroupBy(c => c.QuestionId).ToList();
        var accepted = questions.Count(q => q.Any(c => c.Accepted));
        var rejected = questions.Count(q => q.Any(c => !c.Accepted));
        var why = $"of {questions.Count} pool questions × k = {options.K}, {accepted} had an accepted sample and {rejected} a rejected one ({options.Filter} filter)";
        if (options.Algorithm == "sft" && sft == 0 && anchors.Count == 0)
            throw new InputException($"iteration {i}, stage sft.jsonl: no SFT targets ({why}); nothing to train on: raise --k or start from a stronger policy");
        if (options.Algorithm != "sft" && pairs == 0)
            throw new InputException($"iteration {i}, stage pairs.jsonl: the preference set has no pairs ({why}; a pair needs both for one question); " +
                "raise --k, or use --algo sft");
    }

    /// <summary>Evaluates <paramref name="checkpoint"/>; the answers go to eval-samples.jsonl before the scores are staged.</summary>
    private async Task<Dictionary<string, SuiteScore>> EvaluateAsync(string checkpoint, string iteration, CancellationToken cancellationToken)
    {
        await using var backend = TorchSharpBackend.Load(TorchSharpBackendOptions.OnDevice(checkpoint + "#batch=64", device));
        var (scores, records) = await SuiteEvaluator.EvaluateAsync(backend, sandbox, evaluation, options.MaxNewTokens, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(iteration);
        JsonLines.Write(Path.Combine(iteration, "eval-samples.jsonl"), records);
        return scores;
    }

    private static async Task<T> Stage<T>(string path, Func<Task<T>> compute)
    {
        if (File.Exists(path)) return Read<T>(path);
        var value = await compute().ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteText(path, JsonSerializer.Serialize(value, JsonOptions.Indented) + "\n");
        return value;
    }

    private static async Task<List<T>> StageLines<T>(string path, Func<Task<List<T>>> compute)
    {
        if (File.Exists(path)) return JsonLines.Read<T>(path);
        var value = await compute().ConfigureAwait(false);
        JsonLines.Write(path, value);
        return value;
    }

    private static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), JsonOptions.Indented) ?? throw new InputException($"{path}: empty");

    private static void Write(string directory, IReadOnlyList<IterationSummary> summaries) =>
        AtomicFile.WriteText(Path.Combine(directory, "iterations.json"), JsonSerializer.Serialize(summaries, JsonOptions.Indented) + "\n");
}
