using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Core.SelfImprovement;
using SIaM.SelfImprovement.Contamination;
using SIaM.SelfImprovement.Runs;
using SIaM.TorchSharp;
using SIaM.Training.Checkpoints;
using SIaM.Training.Losses;
using SIaM.Training.Scoring;
using SIaM.Training.Trainers;

namespace SIaM.SelfImprovement;

/// <summary>
/// The self-improvement loop: sample k programs per pool question from the policy, run them in the sandbox, let every
/// filter judge the output against the reference answer, select SFT targets or preference pairs, train, write the new
/// checkpoint and evaluate it. Sampling and evaluation go through the evaluation runner (<see cref="LoopRunner"/>): the
/// k samples of iteration i are the standard run <c>DIR/iter-&lt;i&gt;/samples/</c>, the greedy evaluation of each
/// checkpoint on suite S is <c>DIR/iter-&lt;i&gt;/eval/S/</c>, over the question files under <c>DIR/questions/</c>.
/// Every stage is a file or run under <c>DIR/iter-&lt;i&gt;/</c> and is skipped when complete, so an interrupted run
/// resumes; <c>DIR/iterations.json</c> is computed from the runs after every iteration. The policy samples, trains and
/// is evaluated on <c>device</c> (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>).
/// </summary>
public sealed class ImprovementLoop(
    ImprovementOptions options,
    IReadOnlyList<LoopQuestion> pool,
    IReadOnlyDictionary<string, IReadOnlyList<LoopQuestion>> evaluation,
    IReadOnlyList<(LoopQuestion Question, string Program)> anchors,
    LoopSandbox sandbox,
    IReadOnlyList<IProgramFilter> filters,
    Action<string> log,
    IReadOnlyDictionary<string, QuestionFamily>? families = null,
    string device = "cpu")
{
    /// <summary>Runs (or resumes) every iteration and returns the summaries written to iterations.json.</summary>
    public async Task<IReadOnlyList<IterationSummary>> RunAsync(string directory, CancellationToken cancellationToken)
    {
        if (!filters.Any(f => f.Name == options.Filter))
            throw new InputException($"filter '{options.Filter}' is not among {string.Join(", ", filters.Select(f => f.Name))}");
        if (options.Algorithm != "sft") PreferenceLosses.Create(options.Algorithm);
        PolicyCheck.RequireTrainable(options.Policy);
        if (options.Control && anchors.Count == 0)
            throw new InputException("--control trains the control arm on the seed programs alone, and this run has none (use --demo)");
        ClaimDirectory(options, directory);
        var questions = Path.Combine(directory, "questions");
        _pool = LoopQuestionFiles.Write(questions, "pool", pool);
        _suites = evaluation.ToDictionary(e => e.Key, e => LoopQuestionFiles.Write(questions, e.Key, e.Value));
        RunPins.PinInputs(directory, Inputs());
        var poolById = pool.ToDictionary(q => q.Id);
        var seedScreen = _contamination.Screen([], [], anchors, poolById);
        _seed = seedScreen.Seed.Select(i => anchors[i]).ToList();
        if (_seed.Count < anchors.Count)
            log($"contamination: {anchors.Count - _seed.Count} of {anchors.Count} seed programs overlap an evaluation item; refused");
        var summaries = new List<IterationSummary>();
        var initial = await Stage(
            Path.Combine(directory, "iter-0", "eval.json"),
            () => EvaluateAsync(options.Policy, Path.Combine(directory, "iter-0"), 0, cancellationToken)).ConfigureAwait(false);
        summaries.Add(Summary(0, null, null, initial, Path.Combine(directory, "iter-0")) with { Control = options.Control ? initial : null });
        Write(directory, summaries);
        for (var i = 1; i <= options.Iterations; i++)
        {
            var iteration = Path.Combine(directory, $"iter-{i}");
            var policy = i == 1 ? options.Policy : Path.Combine(directory, $"iter-{i - 1}", "checkpoint");
            var checkpoint = Path.Combine(iteration, "checkpoint");
            if (!Directory.Exists(checkpoint)) await ImproveAsync(i, policy, iteration, checkpoint, cancellationToken).ConfigureAwait(false);
            var counts = Read<StageCounts>(Path.Combine(iteration, "counts.json"));
            var train = Read<TrainResult>(Path.Combine(iteration, "train.json"));
            var scores = await Stage(
                Path.Combine(iteration, "eval.json"),
                () => EvaluateAsync(checkpoint, iteration, i, cancellationToken)).ConfigureAwait(false);
            var summary = Summary(i, counts, train, scores, iteration);
            if (i == 1 && summaries[0].Families is { } start && summary.Families is { } now)
            {
                summary = summary with { Start = FamilyStart.Of(start, now, options.K) };
                foreach (var family in summary.Start.Where(f => f.AtZero)) log(family.Warning());
            }
            if (options.Control) summary = await WithControlAsync(summary, directory, i, train.Steps, cancellationToken).ConfigureAwait(false);
            summaries.Add(summary);
            Write(directory, summaries);
            log($"iter {i}: " + string.Join("  ", scores.Select(s => $"{s.Key} {s.Value.Accuracy:P1}")));
        }
        return summaries;
    }

    private sealed record TrainResult(double Loss, int Steps);

    /// <summary>What run.json pins: the sha256 of the pool, each evaluation set, the seed programs and the starting policy.</summary>
    private Dictionary<string, string> Inputs()
    {
        static string FileSha(string entry) => SIaM.Evaluation.Fingerprints.FileHashCache.Default.Sha256(
            SIaM.Data.Files.QuestionFileTask.Parse(entry).Path);
        var inputs = new Dictionary<string, string> { ["questions"] = FileSha(_pool) };
        foreach (var (suite, entry) in _suites) inputs[$"eval/{suite}"] = FileSha(entry);
        inputs["seed_programs"] = RunPins.Sha256(string.Concat(anchors.Select(a =>
            JsonSerializer.Serialize(new[] { a.Question.Question, a.Question.Answer, a.Program }) + "\n")));
        inputs["policy"] = SIaM.Evaluation.Fingerprints.ModelFingerprints.Hf(
            "hf:" + options.Policy,
            options.Policy,
            SIaM.Evaluation.Fingerprints.FileHashCache.Default).ContentSha256 ?? "";
        return inputs;
    }

    /// <summary>
    /// The control arm of iteration <paramref name="i"/> (<c>DIR/control/iter-i/</c>): from the control's previous
    /// checkpoint, the same number of steps with the same seed, on the replayed seed programs alone (k = 0), then the
    /// same greedy evaluation; the summary gets its scores and the loop's paired gain over it per suite.
    /// </summary>
    private async Task<IterationSummary> WithControlAsync(IterationSummary summary, string directory, int i, int steps, CancellationToken cancellationToken)
    {
        var iteration = Path.Combine(directory, "control", $"iter-{i}");
        var policy = i == 1 ? options.Policy : Path.Combine(directory, "control", $"iter-{i - 1}", "checkpoint");
        var checkpoint = Path.Combine(iteration, "checkpoint");
        if (!Directory.Exists(checkpoint))
        {
            Directory.CreateDirectory(iteration);
            await using var backend = TorchSharpBackend.Load(TorchSharpBackendOptions.OnDevice(policy + "#batch=64", device));
            var (examples, pad) = SeedExamples(backend);
            var last = await TrainAsync(
                backend,
                new SftObjective(examples, pad),
                examples.Count,
                steps,
                i,
                iteration,
                policy,
                checkpoint,
                cancellationToken).ConfigureAwait(false);
            log($"control {i}: trained {steps} steps on the {examples.Count} seed programs alone, last loss {last:F4}");
        }
        var scores = await Stage(
            Path.Combine(iteration, "eval.json"),
            () => EvaluateAsync(checkpoint, iteration, i, cancellationToken, "control")).ConfigureAwait(false);
        var gain = evaluation.Keys.ToDictionary(s => s, s => PairedGain.Of(EvalRecords(Path.Combine(directory, $"iter-{i}"), s), EvalRecords(iteration, s)));
        return summary with { Control = scores, Gain = gain };
    }

    /// <summary>The seed programs as SFT examples in the policy's tokens, and the padding id.</summary>
    private (List<TokenizedExample> Examples, int Pad) SeedExamples(TorchSharpBackend backend)
    {
        var tokenizer = backend.Tokenizer;
        var eos = tokenizer.EosTokenIds.Count > 0
            ? tokenizer.EosTokenIds[0]
            : throw new InputException("the policy's tokenizer has no EOS token (training targets need one)");
        return (_seed.Select(a => new TokenizedExample(tokenizer.Encode(PolicyFormat.Prompt(a.Question.Question)),
            [.. tokenizer.Encode(a.Program, addSpecialTokens: false), eos])).ToList(), tokenizer.PadTokenId ?? eos);
    }

    /// <summary>Trains <paramref name="steps"/> steps, writes train-log.jsonl, train.json and the checkpoint; returns the last loss.</summary>
    private async Task<double> TrainAsync(TorchSharpBackend backend, ITrainingObjective objective, int count, int steps, int i, string iteration,
        string policyDirectory, string checkpoint, CancellationToken cancellationToken)
    {
        var training = new TrainingOptions(steps, Math.Min(options.BatchSize, count), 1, options.LearningRate, Math.Max(1, steps / 10),
            SIaM.Training.Optimization.ScheduleKind.Cosine, 0.0, 1.0, options.Seed + i, CheckpointEvery: 25);
        var logLines = new List<string>();
        double last = double.NaN;
        await foreach (var p in Trainer.RunAsync(backend.Model, objective, training, Path.Combine(iteration, "train-state"), cancellationToken)
            .ConfigureAwait(false))
        {
            logLines.Add(JsonSerializer.Serialize(p, JsonFormat.Line));
            last = p.Loss;
        }
        File.AppendAllLines(Path.Combine(iteration, "train-log.jsonl"), logLines);
        AtomicFile.WriteText(Path.Combine(iteration, "train.json"), JsonSerializer.Serialize(new TrainResult(last, steps), JsonFormat.Document));
        backend.Model.SetTrainable(false);
        HfCheckpointWriter.Write(backend.Model, policyDirectory, checkpoint);
        Directory.Delete(Path.Combine(iteration, "train-state"), recursive: true);
        return last;
    }

    private readonly LoopRunner _runner = new(sandbox, log);
    private readonly LoopContamination _contamination = new(evaluation);
    private IReadOnlyList<(LoopQuestion Question, string Program)> _seed = [];
    private string _pool = "";
    private Dictionary<string, string> _suites = [];

    private IterationSummary Summary(int i, StageCounts? counts, TrainResult? train, Dictionary<string, SuiteScore> scores, string iteration) =>
        new(i, options.Algorithm, counts, train?.Loss, train?.Steps, scores,
            scores.Values.Sum(s => s.MeanResponseTokens * s.N) / Math.Max(1, scores.Values.Sum(s => s.N)),
            families is { Count: > 0 }
                ? FamilyScores.Of(families, EvalRecords(iteration),
                    i == 0 ? null : JsonLines.Read<LoopVerdict>(Path.Combine(iteration, "verdicts.jsonl")), options.Filter)
                : null);

    /// <summary>Creates <paramref name="directory"/> with run.json, or accepts it when its run.json holds these settings.</summary>
    /// <exception cref="InputException">The directory holds another run, or other files.</exception>
    public static void ClaimDirectory(ImprovementOptions options, string directory) => RunPins.ClaimDirectory(options, directory);

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
        var run = await _runner.RunAsync(backend, _pool, options.K, config, Path.Combine(iteration, "samples"), $"iter-{i - 1}", i - 1, cancellationToken)
            .ConfigureAwait(false);
        int Tokens(string completion) => tokenizer.Encode(completion, addSpecialTokens: false).Count;
        var samples = LoopRunViews.Samples(run, pool, Tokens);
        JsonLines.Write(Path.Combine(iteration, "samples.jsonl"), samples);
        log($"iter {i}: {samples.Count} samples");
        var verdicts = await StageLines(Path.Combine(iteration, "verdicts.jsonl"),
            () => LoopRunViews.VerdictsAsync(run, pool, filters, cancellationToken)).ConfigureAwait(false);
        var candidates = LoopCandidates.Of(samples, verdicts, options.Filter);
        var limits = options.EffectiveLimits;
        var screened = _contamination.Screen(SftTargetSelector.Select(candidates, limits), PreferencePairSelector.Build(candidates, limits), _seed, byId);
        var (sft, pairs) = (screened.Sft, screened.Pairs);
        AtomicFile.WriteText(Path.Combine(iteration, "contamination.json"), screened.Report.ToJson().ToJsonString(JsonFormat.Document) + "\n");
        log($"iter {i}: contamination: {screened.Report.Overlapping} of {screened.Report.Examples} training examples overlap an evaluation item; refused");
        RequireTrainingData(i, candidates, sft.Count, pairs.Count);
        JsonLines.Write(Path.Combine(iteration, "sft.jsonl"), sft);
        JsonLines.Write(Path.Combine(iteration, "pairs.jsonl"), pairs);
        var counts = new StageCounts(pool.Count, samples.Count, verdicts.Count(v => v.Program is not null), verdicts.Count(v => v.Status == ExecStatus.Ok),
            filters.ToDictionary(f => f.Name, f => verdicts.Count(v => v.Accepted.GetValueOrDefault(f.Name))), sft.Count, pairs.Count,
            candidates.Where(c => c.Accepted).Select(c => c.QuestionId).Distinct().Count(), screened.Report.Overlapping);
        log($"iter {i}: {counts.RanOk} ran ok, {counts.Accepted[options.Filter]} accepted, {sft.Count} sft targets, {pairs.Count} pairs");

        IReadOnlyList<int> Prompt(string question) => tokenizer.Encode(PolicyFormat.Prompt(question));
        IReadOnlyList<int> Response(string completion) => [.. tokenizer.Encode(completion, addSpecialTokens: false), eos];
        ITrainingObjective objective;
        int count;
        var seedPrograms = _seed.Select(a => new TokenizedExample(Prompt(a.Question.Question), Response(a.Program))).ToList();
        if (options.Algorithm == "sft")
        {
            var examples = sft.Select(c => new TokenizedExample(Prompt(byId[c.QuestionId].Question), Response(c.Completion))).Concat(seedPrograms).ToList();
            objective = new SftObjective(examples, pad);
            count = examples.Count;
        }
        else
        {
            var tokenized = pairs
                .Select(p => new PreferencePair(Prompt(byId[p.QuestionId].Question), Response(p.Chosen.Completion), Response(p.Rejected.Completion)))
                .ToList();
            var loss = PreferenceLosses.Create(options.Algorithm, options.Beta, options.Lambda);
            var reference = loss.NeedsReference || loss.NeedsKlTerms
                ? ReferenceLogProbs.LoadOrCompute(backend.Model, tokenized, pad, options.BatchSize, Path.Combine(iteration, "reference.json"))
                : null;
            objective = seedPrograms.Count == 0 ? new PreferenceObjective(tokenized, pad, loss, reference)
                : new ReplayObjective(new PreferenceObjective(tokenized, pad, loss, reference), new SftObjective(seedPrograms, pad));
            count = tokenized.Count + seedPrograms.Count;
        }
        var steps = Math.Max(10, (int)Math.Ceiling((double)options.Epochs * count / options.BatchSize));
        AtomicFile.WriteText(Path.Combine(iteration, "counts.json"), JsonSerializer.Serialize(counts, JsonFormat.Document));
        var last = await TrainAsync(backend, objective, count, steps, i, iteration, policyDirectory, checkpoint, cancellationToken).ConfigureAwait(false);
        var trainedOn = options.Algorithm == "sft" ? "examples" : $"pairs and seed programs ({_seed.Count} replayed)";
        log($"iter {i}: trained {steps} steps on {count} {trainedOn}, last loss {last:F4}");
    }

    /// <summary>Refuses an empty training set before the iteration's data files are written, naming the stage and why it is empty.</summary>
    private void RequireTrainingData(int i, IReadOnlyList<CandidateProgram> candidates, int sft, int pairs)
    {
        var questions = candidates.GroupBy(c => c.QuestionId).ToList();
        var accepted = questions.Count(q => q.Any(c => c.Accepted));
        var rejected = questions.Count(q => q.Any(c => !c.Accepted));
        var why = $"of {questions.Count} pool questions × k = {options.K}, " +
            $"{accepted} had an accepted sample and {rejected} a rejected one ({options.Filter} filter)";
        if (options.Algorithm == "sft" && sft == 0 && _seed.Count == 0)
            throw new InputException($"iteration {i}, stage sft.jsonl: no SFT targets ({why}); nothing to train on: raise --k or start from a stronger policy");
        if (options.Algorithm != "sft" && pairs == 0)
            throw new InputException($"iteration {i}, stage pairs.jsonl: the preference set has no pairs ({why}; a pair needs both for one question); " +
                "raise --k, or use --algo sft");
    }

    /// <summary>Evaluates <paramref name="checkpoint"/> greedily on every suite, one standard run each under <c>ITERATION/eval/</c>.</summary>
    private async Task<Dictionary<string, SuiteScore>> EvaluateAsync(
        string checkpoint,
        string iteration,
        int i,
        CancellationToken cancellationToken,
        string label = "iter")
    {
        await using var backend = TorchSharpBackend.Load(TorchSharpBackendOptions.OnDevice(checkpoint + "#batch=64", device));
        int Tokens(string completion) => backend.Tokenizer.Encode(completion, addSpecialTokens: false).Count;
        var scores = new Dictionary<string, SuiteScore>();
        var greedy = new GenerationConfig(Temperature: 0, MaxNewTokens: options.MaxNewTokens);
        foreach (var (suite, questions) in evaluation)
        {
            var run = await _runner.RunAsync(backend, _suites[suite], 1, greedy, Path.Combine(iteration, "eval", suite), $"{label}-{i}", i, cancellationToken)
                .ConfigureAwait(false);
            scores[suite] = LoopRunViews.Evaluation(suite, run, questions, Tokens).Score;
        }
        return scores;
    }

    /// <summary>Every greedy answer of the iteration, read from its evaluation runs.</summary>
    private List<EvalRecord> EvalRecords(string iteration) => evaluation.Keys.SelectMany(s => EvalRecords(iteration, s)).ToList();

    private List<EvalRecord> EvalRecords(string iteration, string suite) =>
        LoopRunViews.Evaluation(suite, RunLog.Read(Path.Combine(iteration, "eval", suite)), evaluation[suite], _ => 0).Records;

    private static async Task<T> Stage<T>(string path, Func<Task<T>> compute)
    {
        if (File.Exists(path)) return Read<T>(path);
        var value = await compute().ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteText(path, JsonSerializer.Serialize(value, JsonFormat.Document) + "\n");
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
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), JsonFormat.Document) ?? throw new InputException($"{path}: empty");

    private static void Write(string directory, IReadOnlyList<IterationSummary> summaries) =>
        AtomicFile.WriteText(Path.Combine(directory, "iterations.json"), JsonSerializer.Serialize(summaries, JsonFormat.Document) + "\n");
}
