using System.CommandLine;
using System.Globalization;
using SIaM.Critique.Calibration;
using SIaM.SelfImprovement;
using SIaM.SelfImprovement.Critic;
using SIaM.SelfImprovement.Synthetic;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam critic demo --out DIR</c>: builds only the critic of <c>siam improve --demo</c> (same pool, seed and sizes)
/// and prints its held-out accuracy and ECE next to the rule filter's, so the critic can be measured without the loop.
/// </summary>
internal static class CriticDemoCommand
{
    private static readonly Option<string> Out = new("--out")
    {
        Description = "Directory for the critic's data, tokenizer, base and model (must not exist or be empty)",
        Required = true,
    };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the synthetic pool and of training", DefaultValueFactory = _ => 0 };
    private static readonly Option<string> Device = TrainingDevice.Create();
    private static readonly Option<string> Size = new("--size")
    {
        Description = "demo (the critic of 'siam improve --demo') or ci (of --demo-size ci)",
        DefaultValueFactory = _ => "demo",
    };

    public static Command Create()
    {
        var command = new Command("demo", "Train the demo critic alone on the synthetic pool and report its held-out accuracy and ECE");
        foreach (var option in new Option[] { Out, Seed, Size, Device }) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            // The pool the critic was measured on (docs/results/critic-ci-spread.md): 40 seed programs and 20 pool questions
            // per family and language, as the fixtures had before the loop's took a smaller seed set and a larger pool.
            var (fixture, critic) = result.GetValue(Size) switch
            {
                "demo" => (DemoFixture.Demo with { SeedPerFamily = 40, PoolPerFamily = 20 }, DemoCritic.Demo),
                "ci" => (DemoFixture.Ci with { SeedPerFamily = 40, PoolPerFamily = 20 }, DemoCritic.Ci),
                var other => throw new UsageException($"--size must be demo or ci, not '{other}'"),
            };
            var device = TrainingDevice.Resolve(result.GetValue(Device)!);
            var output = result.GetValue(Out)!;
            if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
                throw new UsageException($"{output}: already exists and is not empty");
            OutputDirectory.EnsureWritable(output, "--out");
            var seed = result.GetValue(Seed);
            var pool = SyntheticSuite.Generate(seed, fixture.SeedPerFamily, fixture.PoolPerFamily, fixture.EvalPerFamily).Pool
                .Select(p => new LoopQuestion(p.Id, p.Question, p.Answer)).ToList();
            var built = await DemoCritic.BuildAsync(output, pool, seed, critic, device,
                line => Console.Error.WriteLine($"siam critic demo: {line}"), cancellationToken);
            Console.WriteLine("| held-out | cases | accuracy | precision | recall | ECE | best threshold |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            Row("critic (P(YES) ≥ 0.5)", built.Critic!, ece: true);
            Row("rule filter", built.Rule!, ece: false);
            Row("trivial baseline (compare the two numbers)", built.Trivial!, ece: false);
            Console.WriteLine($"checkpoint: hf:{built.Model}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Row(string name, CalibrationReport r, bool ece)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine($"| {name} | {r.N} | {F(r.Accuracy)} | {F(r.Precision)} | {F(r.Recall)} | {(ece ? F(r.Ece) : "–")} | " +
                          $"{(ece ? $"{F(r.BestThreshold)} ({F(r.BestAccuracy)})" : "–")} |");
    }
}
