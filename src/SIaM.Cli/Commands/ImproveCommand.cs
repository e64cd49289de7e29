using System.CommandLine;
using SIaM.Core.Validation;
using SIaM.Critique;
using SIaM.Critique.Filtering;
using SIaM.Critique.Pipeline;
using SIaM.Critique.Validation;
using SIaM.SelfImprovement;
using SIaM.SelfImprovement.Sessions;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam improve</c>: the self-improvement loop (sample → execute in the sandbox → filter → SFT/preference data →
/// train → evaluate), or <c>--demo</c> on a synthetic CPU-sized fixture.
/// </summary>
internal static class ImproveCommand
{
    private static readonly Option<string?> Policy = new("--policy") { Description = "Starting policy: hf:DIR" };
    private static readonly Option<FileInfo?> Questions = new("--questions") { Description = "JSONL of {id, question, answer} (no programs) to learn from" };
    private static readonly Option<string[]> Eval = new("--eval")
    {
        Description = "Evaluation suite NAME=FILE (JSONL like --questions); repeatable",
        AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<string> Critic = new("--critic")
    {
        Description = "Filter that selects data: rule, or a critic SPEC (hf:DIR, openai:URL#MODEL, replay:FILE; with --demo also 'demo'); a critic's " +
            "verdicts are recorded beside the rule's. With --demo the demo critic is trained and recorded unless --critic rule is given explicitly",
        DefaultValueFactory = _ => "rule",
    };
    private static readonly Option<CriticFormat> CriticFormatOption = new("--critic-format")
    {
        Description = "How the critic is asked: plain (one prompt ending in 'Answer:', as 'siam critic train' trains), chat, or compact (reference and " +
            "result only; the demo critic's)",
        DefaultValueFactory = _ => CriticFormat.Plain,
    };
    private static readonly Option<double> Threshold = new("--threshold")
    {
        Description = "P(YES) at or above which the critic accepts",
        DefaultValueFactory = _ => 0.5,
    };
    private static readonly Option<int> K = new("--k") { Description = "Samples per question", DefaultValueFactory = _ => 8 };
    private static readonly Option<string> Algo = new("--algo") { Description = "sft, dpo, ipo, orpo, kto or simpo", DefaultValueFactory = _ => "sft" };
    private static readonly Option<int> Iterations = new("--iterations") { Description = "Rounds", DefaultValueFactory = _ => 2 };
    private static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of sampling, data order and the demo fixture",
        DefaultValueFactory = _ => 0,
    };
    private static readonly Option<double> Lambda = new("--lambda")
    {
        Description = "DPO: weight of the NLL term on chosen responses",
        DefaultValueFactory = _ => 1.0,
    };
    private static readonly Option<double?> Beta = new("--beta") { Description = "Preference β (default: the method's)" };
    private static readonly Option<string> Out = new("--out") { Description = "Run directory (resumable)", Required = true };
    private static readonly Option<bool> Demo = new("--demo")
    {
        Description = "Build the synthetic fixture and weak policy under --out and run the loop on it",
    };
    private static readonly Option<string> DemoSize = new("--demo-size")
    {
        Description = "demo (≤ 10 min on 2 cores) or ci (≤ 3 min)",
        DefaultValueFactory = _ => "demo",
    };
    private static readonly Option<int?> DemoSeedSet = new("--demo-seed-set")
    {
        Description = "With --demo: seed programs per family and language, instead of the size's (to measure other fixtures)",
    };
    private static readonly Option<int?> DemoPool = new("--demo-pool")
    {
        Description = "With --demo: pool questions per family and language, instead of the size's",
    };
    private static readonly Option<int?> DemoPolicySteps = new("--demo-policy-steps")
    {
        Description = "With --demo: SFT steps of the weak policy on the seed set, instead of the size's",
    };
    private static readonly Option<double?> DemoPolicyTarget = new("--demo-policy-target")
    {
        Description = "With --demo: train the weak policy until its greedy programs match this share of a calibration set (at most its steps; 0: " +
            "the steps), instead of the size's",
    };
    private static readonly Option<int?> DemoEpochs = new("--demo-epochs")
    {
        Description = "With --demo: epochs of each iteration's training, instead of the size's",
    };
    private static readonly Option<string> Device = TrainingDevice.Create();
    private static readonly Option<bool> Tables = new("--tables")
    {
        Description = "Print the Markdown tables of the finished run under --out, from its files, and exit (nothing runs)",
    };
    private static readonly Option<bool?> Control = new("--control")
    {
        Description = "Also run the control arm: the same iterations with k = 0 (seed programs alone, same steps), and report loop − control paired per " +
            "question (default: on with --demo)",
    };
    private static readonly Option<string> Sandbox = new("--sandbox")
    {
        Description = "Where programs run: docker, or local-unsafe (NOT isolated)",
        DefaultValueFactory = _ => "docker",
    };

    public static Command Create()
    {
        var command = new Command("improve", "Self-improvement loop: sample, execute in the sandbox, filter, train, evaluate; resumable under --out");
        Option[] all =
        [
            Policy, Questions, Eval, Critic, CriticFormatOption, Threshold, K, Algo, Iterations, Seed, Lambda, Beta, Out, Demo, DemoSize, DemoSeedSet,
            DemoPool, DemoPolicySteps, DemoPolicyTarget, DemoEpochs, Sandbox, Device, Control, Tables,
        ];
        foreach (var option in all)
            command.Options.Add(option);
        command.Subcommands.Add(ImproveSpreadCommand.Create());
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = Path.GetFullPath(parse.GetValue(Out)!);
            if (parse.GetValue(Tables))
            {
                Console.Out.Write(LoopTables.Render(output));
                return ExitCodes.Success;
            }
            // Every option is checked before any file is read, the sandbox starts or anything is written.
            Preflight.ThrowIfInvalid(Validators(parse));
            var criticSpec = parse.GetValue(Critic)!;
            var demo = parse.GetValue(Demo);
            var options = new ImprovementOptions("", parse.GetValue(Algo)!, parse.GetValue(K), parse.GetValue(Iterations), parse.GetValue(Seed),
                Beta: parse.GetValue(Beta), Lambda: parse.GetValue(Lambda), Filter: criticSpec == "rule" ? "rule" : CriticFilter.FilterName,
                Control: parse.GetValue(Control) ?? demo);
            var request = new ImprovementRequest(output, options, KGiven: parse.GetResult(K) is { Implicit: false },
                criticSpec, CriticGiven: parse.GetResult(Critic) is { Implicit: false },
                new CriticOptions(parse.GetValue(Threshold), 0, parse.GetValue(CriticFormatOption)), parse.GetValue(Sandbox)!,
                TrainingDevice.Resolve(parse.GetValue(Device)!), demo, parse.GetValue(DemoSize)!, parse.GetValue(Policy),
                parse.GetValue(Questions)?.FullName, parse.GetValue(Eval) ?? [])
            {
                DemoSeedSet = parse.GetValue(DemoSeedSet),
                DemoPool = parse.GetValue(DemoPool),
                DemoPolicySteps = parse.GetValue(DemoPolicySteps),
                DemoPolicyTarget = parse.GetValue(DemoPolicyTarget),
                DemoEpochs = parse.GetValue(DemoEpochs),
            };
            var session = new ImprovementSession(CliImprovementComposition.Instance, line => Console.Error.WriteLine($"siam improve: {line}"));
            var outcome = await session.RunAsync(request, cancellationToken);
            Console.Out.Write(IterationTable.Render(outcome.Iterations, outcome.Suites));
            if (outcome.Control) Console.Out.Write("\n" + ControlTable.Render(outcome.Iterations, outcome.Suites));
            if (outcome.Demo) Console.Out.Write("\n" + FamilyTable.Render(outcome.Iterations));
            if (outcome.FilterComparison is { } comparison)
            {
                Console.Out.WriteLine("filters on the loop's samples (truth: the synthetic answer, units/labels/fractions understood):");
                Console.Out.Write(comparison);
            }
            Console.Out.WriteLine($"plot: {outcome.Plot}");
            Console.Out.WriteLine($"iterations.json: {outcome.IterationsFile}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<IOptionValidator> Validators(ParseResult parse)
    {
        var demo = parse.GetValue(Demo);
        var critic = parse.GetValue(Critic)!;
        var threshold = parse.GetValue(Threshold);
        var algorithms = new[] { "sft" }.Concat(Training.Losses.PreferenceLosses.Names).ToList();
        yield return new CheckValidator(() => TrainingDevice.Resolve(parse.GetValue(Device)!));
        yield return new RequirementValidator(critic == "demo" && !demo, "--critic demo: only with --demo (it trains the demo's critic)");
        yield return critic is "rule" or "demo"
            ? NumberRangeValidator.Probability("--threshold", threshold)
            : new CriticOptionsValidator(critic, "prob", threshold, 0, ScoringMode.Both, BackendFactory.Kinds);
        yield return IntRangeValidator.Positive("--k", parse.GetValue(K));
        yield return new ChoiceValidator("--algo", parse.GetValue(Algo)!, algorithms);
        yield return IntRangeValidator.Positive("--iterations", parse.GetValue(Iterations));
        yield return NumberRangeValidator.NonNegative("--lambda", parse.GetValue(Lambda), "a weight");
        if (parse.GetValue(Beta) is { } beta)
            yield return new NumberRangeValidator("--beta", beta, 0, double.MaxValue, MinOpen: true, MaxOpen: false, "a preference β");
        yield return new ChoiceValidator("--demo-size", parse.GetValue(DemoSize)!, ["demo", "ci"]);
        (string, Option<int?>)[] sizes =
            [("--demo-seed-set", DemoSeedSet), ("--demo-pool", DemoPool), ("--demo-policy-steps", DemoPolicySteps), ("--demo-epochs", DemoEpochs)];
        foreach (var (name, option) in sizes)
        {
            if (parse.GetValue(option) is not { } given) continue;
            yield return IntRangeValidator.Positive(name, given);
            yield return new RequirementValidator(!demo, $"{name}: only with --demo (it sizes the demo's fixture)");
        }
        if (parse.GetValue(DemoPolicyTarget) is { } target)
        {
            yield return NumberRangeValidator.Probability("--demo-policy-target", target);
            yield return new RequirementValidator(!demo, "--demo-policy-target: only with --demo (it sizes the demo's fixture)");
        }
        yield return new RequirementValidator(parse.GetValue(Sandbox) == "none", "--sandbox none: the loop executes programs; use docker or local-unsafe");
        yield return new ChoiceValidator("--sandbox", parse.GetValue(Sandbox)!, ["docker", "local-unsafe", "none"]);
        yield return new RequirementValidator(parse.GetValue(Control) == true && !demo,
            "--control trains the control arm on the seed programs alone, and this run has none (use --demo)");
        yield return new CheckValidator(() => OutputDirectory.EnsureWritable(parse.GetValue(Out)!, "--out"));
        if (demo) yield break;
        var policy = parse.GetValue(Policy);
        yield return new RequirementValidator(policy is null, "--policy hf:DIR is required (or --demo)");
        if (policy is not null)
        {
            yield return new RequirementValidator(!policy.StartsWith("hf:", StringComparison.Ordinal),
                $"--policy must be hf:DIR (a checkpoint the loop can train), got '{policy}'");
            if (policy.StartsWith("hf:", StringComparison.Ordinal)) yield return BackendFactory.Validator("--policy", policy);
        }
        var questions = parse.GetValue(Questions);
        yield return new RequirementValidator(questions is null, "--questions FILE is required (or --demo)");
        yield return PathValidator.ExistingFile("--questions", questions?.FullName);
        var suites = parse.GetValue(Eval) ?? [];
        yield return new RequirementValidator(suites.Length == 0, "--eval NAME=FILE is required at least once (or --demo)");
        foreach (var suite in suites)
        {
            var parts = suite.Split('=', 2);
            yield return parts.Length == 2 && parts[0].Length > 0
                ? PathValidator.ExistingFile($"--eval {parts[0]}", parts[1])
                : new RequirementValidator(true, $"--eval '{suite}': use NAME=FILE");
        }
    }
}
