using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SIaM.Core.Benchmarks;
using SIaM.Critique;
using SIaM.Critique.Critics;
using SIaM.TorchSharp;

namespace SIaM.Cli.Commands;

/// <summary><c>siam bench critic --model hf:DIR</c>: critic judgments per second on the TorchSharp path, batch 1 vs batch 16.</summary>
internal static class BenchCriticCommand
{
    private static readonly Option<string> Model = new("--model") { Description = "hf:DIR checkpoint to judge with", Required = true };
    private static readonly Option<int> Cases = new("--cases") { Description = "Judgments per batch size", DefaultValueFactory = _ => 64 };

    public static Command Create()
    {
        var command = new Command("critic", "Critic judgments/s with TorchSharp at batch 1 and batch 16");
        command.Options.Add(Model);
        command.Options.Add(Cases);
        command.SetAction(async (result, cancellationToken) =>
        {
            var spec = result.GetValue(Model)!;
            if (!spec.StartsWith("hf:", StringComparison.Ordinal)) throw new UsageException("bench critic measures the TorchSharp path: --model must be hf:DIR");
            await using var backend = TorchSharpBackend.Load(spec["hf:".Length..].Split('#')[0] + "#batch=16");
            await using var critic = new ScoringCritic(backend, new CriticOptions());
            var cases = Enumerable.Range(0, Math.Max(16, result.GetValue(Cases))).Select(Case).ToList();
            await critic.JudgeAsync(cases.Take(2).ToList(), cancellationToken); // warm-up
            Console.WriteLine($"bench critic: {spec}, {cases.Count} judgments per row, P(YES) by token probabilities");
            Console.WriteLine("| batch | judgments | seconds | judgments/s | × batch 1 |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
            double? single = null;
            foreach (var batch in new[] { 1, 16 })
            {
                var clock = Stopwatch.StartNew();
                foreach (var chunk in cases.Chunk(batch)) await critic.JudgeAsync(chunk, cancellationToken);
                var rate = cases.Count / clock.Elapsed.TotalSeconds;
                single ??= rate;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {batch} | {cases.Count} | {clock.Elapsed.TotalSeconds:0.00} | {rate:0.0} | {rate / single.Value:0.0}× |"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static CritiqueCase Case(int i) => new($"bench/{i}", 0, "bench", i % 4 == 3 ? Language.Zh : Language.En,
        $"A shop sells {i + 3} boxes of {i % 7 + 2} pencils each. How many pencils does it sell?", $"{(i + 3) * (i % 7 + 2)}",
        $"boxes = {i + 3}\nper_box = {i % 7 + 2}\nprint(boxes * per_box)", $"{(i + 3) * (i % 7 + 2) + i % 2}\n", null, "");
}
