using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SIaM.Core.Benchmarks;
using SIaM.Core.Validation;
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
            var hf = spec.StartsWith("hf:", StringComparison.Ordinal);
            // Every option is checked before the checkpoint is loaded.
            Preflight.ThrowIfInvalid(
            [
                new RequirementValidator(!hf, "bench critic measures the TorchSharp path: --model must be hf:DIR"),
                .. hf ? [BackendFactory.Validator("--model", spec)] : Array.Empty<IOptionValidator>(),
                IntRangeValidator.Positive("--cases", result.GetValue(Cases)),
            ]);
            await using var backend = TorchSharpBackend.Load(spec["hf:".Length..].Split('#')[0] + "#batch=16");
            await using var critic = new ScoringCritic(backend, new CriticOptions());
            var cases = Enumerable.Range(0, Math.Max(16, result.GetValue(Cases))).Select(Case).ToList();
            await critic.JudgeAsync(cases.Take(2).ToList(), cancellationToken); // warm-up
            Console.WriteLine($"bench critic: {spec}, {cases.Count} judgments per row, P(YES) by token probabilities");
            Console.WriteLine("| batch | judgments | wall s | judgments/s | CPU s | judgments/CPU-s | × batch 1 (CPU) |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            double? single = null;
            using var process = Process.GetCurrentProcess();
            foreach (var batch in new[] { 1, 16 })
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                foreach (var chunk in cases.Chunk(batch)) await critic.JudgeAsync(chunk, cancellationToken);
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                var perCpu = cases.Count / cpu;
                single ??= perCpu;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {batch} | {cases.Count} | {clock.Elapsed.TotalSeconds:0.00} | {cases.Count / clock.Elapsed.TotalSeconds:0.0} | {cpu:0.00} | " +
                    $"{perCpu:0.0} | {perCpu / single.Value:0.0}× |"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static CritiqueCase Case(int i) => new($"bench/{i}", 0, "bench", i % 4 == 3 ? Language.Zh : Language.En,
        $"A shop sells {i + 3} boxes of {i % 7 + 2} pencils each. How many pencils does it sell?", $"{(i + 3) * (i % 7 + 2)}",
        $"boxes = {i + 3}\nper_box = {i % 7 + 2}\nprint(boxes * per_box)", $"{(i + 3) * (i % 7 + 2) + i % 2}\n", null, "");
}
