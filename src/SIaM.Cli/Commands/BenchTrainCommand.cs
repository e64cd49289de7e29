using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SIaM.Core.Validation;
using SIaM.Perf.Decode;
using SIaM.TorchSharp;
using SIaM.TorchSharp.Models;
using SIaM.Training.Losses;
using SIaM.Training.Models;
using SIaM.Training.Scoring;
using SIaM.Training.Trainers;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam bench train</c>: SFT tokens/s and DPO pairs/s (with its SFT term) for the demo policy's architecture and a
/// ~30M-parameter Llama, next to the same model's forward-only decode speed, in one table. Wall and CPU time. On CPU by
/// default; <c>--device cuda[:N]</c> on a CUDA build.
/// </summary>
internal static class BenchTrainCommand
{
    private static readonly Option<int> Steps = new("--steps")
    {
        Description = "Optimizer updates per measurement (after one warm-up update)",
        DefaultValueFactory = _ => 4,
    };
    private static readonly Option<int> BatchSize = new("--batch-size")
    {
        Description = "Examples (SFT) or pairs (DPO) per update",
        DefaultValueFactory = _ => 8,
    };
    private static readonly Option<int> PromptTokens = new("--prompt-tokens") { Description = "Prompt length of every example", DefaultValueFactory = _ => 48 };
    private static readonly Option<int> ResponseTokens = new("--response-tokens")
    {
        Description = "Response length of every example (each side of a pair)",
        DefaultValueFactory = _ => 32,
    };
    private static readonly Option<int> Threads = new("--threads") { Description = "libtorch intra-op threads", DefaultValueFactory = _ => 1 };
    private static readonly Option<string> Device = TrainingDevice.Create();

    private sealed record Measured(double Units, double WallSeconds, double CpuSeconds)
    {
        public double PerWallSecond => Units / WallSeconds;

        public double PerCpuSecond => Units / CpuSeconds;
    }

    public static Command Create()
    {
        var command = new Command("train", "Training speed (CPU, or --device cuda): SFT tokens/s and DPO pairs/s next to forward-only decode tokens/s");
        foreach (var option in new Option[] { Steps, BatchSize, PromptTokens, ResponseTokens, Threads, Device }) command.Options.Add(option);
        command.SetAction((result, cancellationToken) => RunAsync(result, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        // Every option is checked before libtorch starts.
        Preflight.ThrowIfInvalid(
        [
            IntRangeValidator.Positive("--steps", result.GetValue(Steps)),
            IntRangeValidator.Positive("--batch-size", result.GetValue(BatchSize)),
            IntRangeValidator.Positive("--prompt-tokens", result.GetValue(PromptTokens)),
            IntRangeValidator.Positive("--response-tokens", result.GetValue(ResponseTokens)),
            IntRangeValidator.Positive("--threads", result.GetValue(Threads)),
            new CheckValidator(() => TrainingDevice.Resolve(result.GetValue(Device)!)),
        ]);
        var steps = result.GetValue(Steps);
        var batch = result.GetValue(BatchSize);
        var promptTokens = result.GetValue(PromptTokens);
        var responseTokens = result.GetValue(ResponseTokens);
        TorchRuntime.EnsureConfigured(result.GetValue(Threads));
        var name = TrainingDevice.Resolve(result.GetValue(Device)!);
        var device = TorchDevices.ParseDevice(name);

        Console.WriteLine($"bench train: {steps} updates of {batch} examples/pairs, prompt {promptTokens} + response {responseTokens} tokens, " +
                          $"{(name == "cpu" ? "CPU" : name)}");
        Console.WriteLine("| model | params | SFT tokens/s | SFT tokens/CPU-s | DPO+SFT pairs/s | DPO+SFT pairs/CPU-s | decode tokens/s (batch 1, cache) | " +
                          "decode tokens/CPU-s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, config) in Configs(promptTokens + responseTokens))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var random = new Random(0);
            var examples = Enumerable.Range(0, batch * (steps + 1)).Select(_ => Example(random, config.VocabSize, promptTokens, responseTokens)).ToList();
            var pairs = examples.Select(e => new PreferencePair(e.Prompt, e.Response, Tokens(random, config.VocabSize, responseTokens))).ToList();

            using var lm = FreshModel.Create(config, seed: 0, device);
            var parameters = lm.parameters().Sum(p => p.numel());
            var sft = await TrainAsync(lm, new SftObjective(examples, padId: 0), steps, batch, cancellationToken);
            var reference = ReferenceLogProbs.LoadOrCompute(lm, pairs, padId: 0, batchSize: batch, cacheFile: null);
            var dpo = await TrainAsync(lm, new PreferenceObjective(pairs, 0, new DpoLoss(Beta: 0.1, Lambda: 1), reference), steps, batch, cancellationToken);
            lm.SetTrainable(false);
            var decode = DecodeBenchmark.Measure(label, lm, batch: 1, context: promptTokens, kvCache: true, newTokens: responseTokens);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {parameters / 1e6:F2}M | {sft.PerWallSecond * (promptTokens + responseTokens):F0} | " +
                $"{sft.PerCpuSecond * (promptTokens + responseTokens):F0} | {dpo.PerWallSecond:F1} | {dpo.PerCpuSecond:F1} | {decode.TokensPerSecond:F0} | " +
                $"{decode.TokensPerCpuSecond:F0} |"));
        }
        Console.WriteLine();
        Console.WriteLine("SFT tokens count prompt and response tokens of every example (the prompt is masked from the loss, not from the forward pass);");
        Console.WriteLine("a DPO pair is two sequences forward and backward (reference log-probs are computed once, before the timing).");
        return ExitCodes.Success;
    }

    /// <summary>One warm-up update, then <paramref name="steps"/> timed updates; units are examples (or pairs).</summary>
    private static async Task<Measured> TrainAsync(CausalLm lm, ITrainingObjective objective, int steps, int batch, CancellationToken cancellationToken)
    {
        await foreach (var _ in Trainer.RunAsync(lm, objective, new TrainingOptions(Steps: 1, BatchSize: batch), cancellationToken: cancellationToken)) { }
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var timed = new TrainingOptions(Steps: steps, BatchSize: batch, Seed: 1);
        await foreach (var _ in Trainer.RunAsync(lm, objective, timed, cancellationToken: cancellationToken)) { }
        clock.Stop();
        process.Refresh();
        return new Measured((double)steps * batch, clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static IEnumerable<(string Label, CausalLmConfig Config)> Configs(int length)
    {
        var positions = Math.Max(256, (length + 63) / 64 * 64);
        // The demo policy's architecture (DemoFixture: hidden 64, 2 layers, 4 heads / 2 KV heads, ≈ 560-token BPE vocabulary)
        yield return ("demo policy", CausalLmConfig.Llama(560, 64, 192, 2, 4, 2) with { MaxPositionEmbeddings = positions, TieWordEmbeddings = true });
        // 512 hidden, 5 layers, 8 heads / 2 KV heads, 32k tied vocabulary: 30.5M parameters (as in `bench generate`)
        yield return ("random-30M", CausalLmConfig.Llama(32000, 512, 1408, 5, 8, 2) with { MaxPositionEmbeddings = positions, TieWordEmbeddings = true });
    }

    private static TokenizedExample Example(Random random, int vocab, int promptTokens, int responseTokens) =>
        new(Tokens(random, vocab, promptTokens), Tokens(random, vocab, responseTokens));

    private static int[] Tokens(Random random, int vocab, int count) => [.. Enumerable.Range(0, count).Select(_ => random.Next(2, vocab))];
}
