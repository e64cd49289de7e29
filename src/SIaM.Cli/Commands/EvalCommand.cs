using System.CommandLine;
using SIaM.Cli.Critique;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Validation;
using SIaM.Critique.Validation;
using SIaM.Data;
using SIaM.Evaluation;
using SIaM.Evaluation.Fingerprints;
using SIaM.Grading;

namespace SIaM.Cli.Commands;

/// <summary><c>siam eval</c>: evaluate a model on benchmarks or suites into an output directory (resumable).</summary>
internal static class EvalCommand
{
    private static readonly Option<string> Model = new("--model")
    {
        Description = "Model spec: oracle:, replay:FILE, hf:DIR, openai:BASE_URL#MODEL",
        Required = true,
    };
    private static readonly Option<string> Benchmarks = new("--benchmarks")
    {
        Description = "Benchmark ids, suites and question files (file:PATH.jsonl or file:TASK.json), comma-separated (see 'siam benchmarks')",
        Required = true,
    };
    private static readonly Option<PromptStyle> Prompt = new("--prompt")
    {
        Description = "Prompt style: pot (one program), tir (tool-integrated), cot (text only), bare (the question alone, answered by one program)",
        DefaultValueFactory = _ => PromptStyle.Pot,
    };
    private static readonly Option<int> Samples = new("--n") { Description = "Samples per problem (k)", DefaultValueFactory = _ => 1 };
    private static readonly Option<int?> Limit = new("--limit") { Description = "Only the first N problems of each benchmark" };
    private static readonly Option<int> Seed = new("--seed") { Description = "Sampling seed", DefaultValueFactory = _ => 0 };
    private static readonly Option<string?> Out = new("--out") { Description = "Output directory (default: reports/runs/<run-id>)" };
    private static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory (default: $SIAM_DATA, ./benchmarks-data, ../shared/benchmarks-data)",
    };
    private static readonly Option<string> Sandbox = new("--sandbox")
    {
        Description = "Code executor: docker (isolated), local-unsafe (NOT isolated), none",
        DefaultValueFactory = _ => "docker",
    };
    private static readonly Option<int> FewShot = new("--few-shot")
    {
        Description = "Worked examples before each question (0-2)",
        DefaultValueFactory = _ => 0,
    };
    private static readonly Option<double> Temperature = new("--temperature") { Description = "0 = greedy", DefaultValueFactory = _ => 0 };
    private static readonly Option<double> TopP = new("--top-p") { DefaultValueFactory = _ => 1 };
    private static readonly Option<int> TopK = new("--top-k") { DefaultValueFactory = _ => 0 };
    private static readonly Option<int> MaxNewTokens = new("--max-new-tokens") { DefaultValueFactory = _ => 1024 };
    private static readonly Option<int> MaxToolRounds = new("--max-tool-rounds")
    {
        Description = "Code executions per tool-integrated answer",
        DefaultValueFactory = _ => 4,
    };
    private static readonly Option<double> Tolerance = new("--tolerance")
    {
        Description = "Relative numeric tolerance of the grader",
        DefaultValueFactory = _ => 1e-4,
    };
    private static readonly Option<GradingMode> Grading = new("--grading")
    {
        Description = "default, or strict: no last-number fallback, no unit stripping (part of the run identity)",
        DefaultValueFactory = _ => GradingMode.Default,
    };
    private static readonly Option<bool> AllowUnverified = new("--allow-unverified")
    {
        Description = "Accept data files whose sha256 differs from the manifest",
    };
    private static readonly Option<int?> MaxInFlight = new("--max-in-flight")
    {
        Description = "Model requests in flight, fixed (default: adaptive; an endpoint's concurrency=N caps it)",
    };
    private static readonly Option<int?> BatchSize = new("--batch-size") { Description = "Deprecated: use --max-in-flight (B x C requests in flight)" };
    private static readonly Option<string?> Cache = new("--cache") { Description = "Directory of the request cache (model backends that support it: openai)" };
    private static readonly Option<int?> Concurrency = new("--concurrency") { Description = "Deprecated: use --max-in-flight (B x C requests in flight)" };
    private static readonly CriticCliOptions Critic = new(required: false, defaultScoring: SIaM.Critique.Pipeline.ScoringMode.Rule);
    private static readonly Option<string?> PassK = new("--pass-k")
    {
        Description = "The k of pass@k and maj@k, comma-separated, each 1..n (default: 1 and n)",
    };
    private static readonly Option<string?> Label = new("--label")
    {
        Description = "Checkpoint label shown in reports (written to checkpoint.json; not part of the run identity)",
    };
    private static readonly Option<string?> Shard = new("--shard")
    {
        Description = "Evaluate only slice I of N (e.g. 2/4): problem p of the run goes to shard (p mod N)+1; combine with 'siam merge'",
    };
    private static readonly Option<long?> Step = new("--step") { Description = "Training step of the checkpoint: the x axis of the report's trend plot" };

    public static Command Create()
    {
        var command = new Command("eval", "Evaluate a model on benchmarks; writes samples.jsonl, results.json and summary.csv");
        foreach (var option in new Option[]
                 {
                     Model, Benchmarks, Prompt, Samples, Limit, Seed, Out, Data, Sandbox, FewShot, Temperature, TopP, TopK, MaxNewTokens,
                     MaxToolRounds, Tolerance, Grading, AllowUnverified, MaxInFlight, BatchSize, Concurrency, Cache, PassK, Label, Step, Shard,
                 })
            command.Options.Add(option);
        Critic.AddTo(command);
        command.SetAction((result, ct) => RunAsync(result, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        // Every option is checked before data, models, engines or HTTP are touched.
        Preflight.ThrowIfInvalid(Validators(result));
        var shard = result.GetValue(Shard) is { } shardText ? SIaM.Core.Runs.Shard.Parse(shardText) : null;
        var spec = new RunSpec(
            result.GetValue(Model)!,
            BenchmarkSources.Expand(result.GetValue(Benchmarks)!),
            result.GetValue(Prompt),
            result.GetValue(FewShot),
            result.GetValue(Samples),
            result.GetValue(Limit),
            Generation(result),
            result.GetValue(MaxToolRounds),
            result.GetValue(Sandbox)!,
            result.GetValue(Tolerance));
        var performance = Performance(result);
        if (result.GetValue(Out) is { } requestedOut) OutputDirectory.EnsureWritable(requestedOut, "--out");
        if (result.GetValue(Cache) is { } cache) OutputDirectory.EnsureWritable(cache, "--cache");
        spec = spec with { PassK = PassKList(result.GetValue(PassK), spec.Samples), Shard = shard, Grading = result.GetValue(Grading) };
        if (spec.Samples > 1 && spec.Generation.IsGreedy)
            Console.Error.WriteLine("warning: --n > 1 with greedy decoding gives k identical samples; set --temperature");

        var sources = BenchmarkSources.Load(spec.Benchmarks, () => DataLocator.Resolve(result.GetValue(Data)), result.GetValue(AllowUnverified));
        var benchmarks = sources.Benchmarks;
        var problems = benchmarks.SelectMany(b => b.Problems).ToDictionary(p => p.Id);
        // The identity comes first: a resume with a different one is refused before any model load or container start.
        var identity = RunIdentityBuilder.Build(spec, benchmarks, GraderVersion.Current,
            await BackendFactory.FingerprintAsync(spec.Model, cancellationToken),
            await SandboxFactory.FingerprintAsync(spec.Sandbox, spec.Prompt, cancellationToken));
        var outDirectory = result.GetValue(Out) ?? Path.Combine("reports", "runs", identity.RunId);
        RunDirectory.EnsureUsable(outDirectory, identity);
        await using var backend = BackendFactory.Create(spec.Model, new BackendContext(problems, result.GetValue(Cache)));
        await using var sandbox = await SandboxFactory.CreateAsync(spec.Sandbox, spec.Prompt, cancellationToken);
        var inputs = new EvalInputs(benchmarks, sources.Suites, backend, sandbox,
            new MathAnswerExtractor(mode: spec.Grading), new MathEquivalenceChecker(spec.GradingOptions), identity);

        Console.Error.WriteLine($"siam eval: {spec.Model} on {string.Join(", ", spec.Benchmarks)}{(shard is not null ? $" shard {shard}" : "")} " +
            $"({spec.Prompt.ToString().ToLowerInvariant()}, executor {sandbox?.Description ?? "none"}) → {outDirectory}");
        var results = await RunProgress.RunAsync(progress =>
            EvalRunner.RunAsync(spec, inputs, outDirectory, performance, progress, cancellationToken));
        if (result.GetValue(Label) is not null || result.GetValue(Step) is not null)
            SIaM.Reporting.Runs.CheckpointFile.Write(outDirectory, result.GetValue(Label), result.GetValue(Step));
        ResultsTable.Print(results, outDirectory);
        if (RunFailureSummary.Describe(results, outDirectory) is { } failure) Console.Error.WriteLine(failure);
        if (result.GetValue(Critic.Critic) is not null)
            await CritiquePass.RunAsync(outDirectory, result.GetValue(Data), Critic, result, performance.BatchSize, performance.Concurrency, cancellationToken);
        return results.Status == RunStatus.Complete ? ExitCodes.Success : ExitCodes.Failure;
    }

    // --batch-size and --concurrency were two knobs of one budget: given alone, their product fixes the level.
    private static EvalPerformance Performance(ParseResult result)
    {
        var (batch, concurrency, fixedLevel) = (result.GetValue(BatchSize), result.GetValue(Concurrency), result.GetValue(MaxInFlight));
        if ((batch ?? concurrency) is not null)
            Console.Error.WriteLine("note: --batch-size and --concurrency are deprecated: the in-flight level adapts by itself; " +
                "--max-in-flight N fixes it" + (fixedLevel is null ? $" (taken as --max-in-flight {(batch ?? 16) * (concurrency ?? 4)})" : ""));
        var legacy = (batch ?? concurrency) is null ? null : (int?)((batch ?? 16) * (concurrency ?? 4));
        return new EvalPerformance(batch ?? 16, concurrency ?? 4) { MaxInFlight = fixedLevel ?? legacy };
    }

    private static GenerationConfig Generation(ParseResult result) =>
        new(result.GetValue(Temperature), result.GetValue(TopP), result.GetValue(TopK), result.GetValue(MaxNewTokens), null, result.GetValue(Seed));

    private static IEnumerable<IOptionValidator> Validators(ParseResult result) =>
    [
        BackendFactory.Validator("--model", result.GetValue(Model)!),
        IntRangeValidator.Positive("--n", result.GetValue(Samples)),
        IntRangeValidator.Positive("--limit", result.GetValue(Limit)),
        new IntRangeValidator("--few-shot", result.GetValue(FewShot), 0, MaxFewShot),
        IntRangeValidator.NonNegative("--max-tool-rounds", result.GetValue(MaxToolRounds)),
        IntRangeValidator.Positive("--max-in-flight", result.GetValue(MaxInFlight)),
        IntRangeValidator.Positive("--batch-size", result.GetValue(BatchSize)),
        IntRangeValidator.Positive("--concurrency", result.GetValue(Concurrency)),
        new GenerationConfigValidator(Generation(result)),
        NumberRangeValidator.NonNegative("--tolerance", result.GetValue(Tolerance), "a relative tolerance"),
        new ChoiceValidator("--sandbox", result.GetValue(Sandbox)!, SandboxFactory.Kinds),
        new RequirementValidator(result.GetValue(Sandbox) == "none" && result.GetValue(Prompt) != PromptStyle.Cot,
            $"--prompt {result.GetValue(Prompt).ToString().ToLowerInvariant()} runs code: " +
            "use --sandbox docker (or local-unsafe), or --prompt cot with --sandbox none"),
        new ShardValidator("--shard", result.GetValue(Shard)),
        new CriticOptionsValidator(result.GetValue(Critic.Critic), result.GetValue(Critic.Mode)!, result.GetValue(Critic.Threshold),
            result.GetValue(Critic.FewShot), result.GetValue(Critic.Scoring), BackendFactory.Kinds),
    ];

    private static IReadOnlyList<int>? PassKList(string? text, int samples)
    {
        if (text is null) return null;
        var ks = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            ks.Add(int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k)
                   && k >= 1 && k <= samples
                ? k
                : throw new UsageException($"--pass-k: '{part}' is not a k between 1 and --n ({samples})"));
        return ks.Count > 0 ? ks : throw new UsageException("--pass-k: give at least one k, e.g. --pass-k 1,8");
    }

    private const int MaxFewShot = 2;
}
