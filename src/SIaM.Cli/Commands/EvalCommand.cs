using System.CommandLine;
using System.Globalization;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Validation;
using SIaM.Data;
using SIaM.Evaluation;
using SIaM.Evaluation.Sessions;
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
        Description = "Benchmark ids, suites and question files (file:PATH.jsonl or file:TASK.json), comma-separated (see 'siam catalog')",
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
        Option[] options =
        [
            Model, Benchmarks, Prompt, Samples, Limit, Seed, Out, Data, Sandbox, FewShot, Temperature, TopP, TopK, MaxNewTokens, MaxToolRounds,
            Tolerance, Grading, AllowUnverified, MaxInFlight, BatchSize, Concurrency, Cache, PassK, Label, Step, Shard,
        ];
        foreach (var option in options)
            command.Options.Add(option);
        Critic.AddTo(command);
        command.SetAction((result, ct) => RunAsync(result, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var session = new EvalSession(CliEvalComposition.Instance, ConsoleEvalView.Instance);
        var results = await session.RunAsync(Validators(result), () => Bind(result), cancellationToken);
        return results.Status == RunStatus.Complete ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static EvalRequest Bind(ParseResult result)
    {
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
            result.GetValue(Tolerance))
        {
            PassK = PassKList(result.GetValue(PassK), result.GetValue(Samples)),
            Shard = result.GetValue(Shard) is { } shard ? SIaM.Core.Runs.Shard.Parse(shard) : null,
            Grading = result.GetValue(Grading),
        };
        var performance = Performance(result);
        return new EvalRequest(spec, performance)
        {
            OutDirectory = result.GetValue(Out),
            DataDirectory = result.GetValue(Data),
            AllowUnverified = result.GetValue(AllowUnverified),
            CacheDirectory = result.GetValue(Cache),
            Label = result.GetValue(Label),
            Step = result.GetValue(Step),
            Critique = Critic.Bind(result, result.GetValue(Data), performance.BatchSize, performance.Concurrency),
        };
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
        Critic.Validator(result),
        new WritableDirectoryValidator("--out", result.GetValue(Out)),
        new WritableDirectoryValidator("--cache", result.GetValue(Cache)),
    ];

    private static IReadOnlyList<int>? PassKList(string? text, int samples)
    {
        if (text is null) return null;
        var ks = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            ks.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k >= 1 && k <= samples
                ? k
                : throw new UsageException($"--pass-k: '{part}' is not a k between 1 and --n ({samples})"));
        return ks.Count > 0 ? ks : throw new UsageException("--pass-k: give at least one k, e.g. --pass-k 1,8");
    }

    private const int MaxFewShot = 2;
}
