using System.CommandLine;
using System.Globalization;
using SIaM.Core.Validation;
using SIaM.Critique.Calibration;
using SIaM.SelfImprovement.Critic;
using SIaM.Training.Trainers;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam critic train --data DIR --base hf:DIR --out DIR</c>: SFT of a causal LM on the critic data written by
/// <c>siam critic data</c> (loss on the YES/NO response only), an <c>hf:</c> checkpoint out, and held-out accuracy
/// and ECE from P(YES) vs P(NO).
/// </summary>
internal static class CriticTrainCommand
{
    private static readonly Option<string> Data = new("--data")
    {
        Description = "Critic-data directory (train.jsonl, optional heldout.jsonl)",
        Required = true,
    };
    private static readonly Option<string> Base = new("--base") { Description = "Model to fine-tune: hf:DIR", Required = true };
    private static readonly Option<string> Out = new("--out") { Description = "New checkpoint directory (must not exist or be empty)", Required = true };
    private static readonly Option<int> Steps = new("--steps") { Description = "Optimizer updates", DefaultValueFactory = _ => 200 };
    private static readonly Option<int> Batch = new("--batch-size") { Description = "Examples per update", DefaultValueFactory = _ => 16 };
    private static readonly Option<double> Lr = new("--lr")
    {
        Description = "Peak learning rate (10 % warm-up, cosine decay)",
        DefaultValueFactory = _ => 1e-3,
    };
    private static readonly Option<int> Seed = new("--seed") { Description = "Example-order seed", DefaultValueFactory = _ => 0 };
    private static readonly Option<string> Device = TrainingDevice.Create();

    public static Command Create()
    {
        var command = new Command("train", "Fine-tune a critic on critic data and report held-out accuracy and ECE");
        foreach (var option in new Option[] { Data, Base, Out, Steps, Batch, Lr, Seed, Device }) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            Preflight.ThrowIfInvalid(
            [
                IntRangeValidator.Positive("--steps", result.GetValue(Steps)),
                IntRangeValidator.Positive("--batch-size", result.GetValue(Batch)),
                new NumberRangeValidator("--lr", result.GetValue(Lr), 0, double.MaxValue, MinOpen: true, MaxOpen: false, "a learning rate"),
            ]);
            var spec = result.GetValue(Base)!;
            if (!spec.StartsWith("hf:", StringComparison.Ordinal)) throw new UsageException($"--base must be hf:DIR (a checkpoint that can be trained), got " +
                $"'{spec}'");
            var steps = result.GetValue(Steps);
            var options = new TrainingOptions(steps, BatchSize: result.GetValue(Batch), LearningRate: result.GetValue(Lr),
                WarmupSteps: steps / 10, Seed: result.GetValue(Seed));
            var report = await CriticTraining.RunAsync(result.GetValue(Data)!, spec[3..], result.GetValue(Out)!, options,
                TrainingDevice.Resolve(result.GetValue(Device)!), line => Console.Error.WriteLine($"siam critic train: {line}"), cancellationToken);
            Print(report, result.GetValue(Out)!);
            return ExitCodes.Success;
        });
        return command;
    }

    public static void Print(CriticTraining.Report report, string checkpoint)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var t = report.Train;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained {t.Steps} steps on {t.Examples} examples: loss {t.FirstLoss:F4} → {t.LastLoss:F4}, {report.TrainSeconds:F1} s wall, " +
                $"{report.TrainCpuSeconds:F1} s CPU"));
        if (report.HeldOut is { } h)
        {
            Console.WriteLine("| held-out | cases | unscored | accuracy | precision | recall | F1 | ECE | best threshold |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            Console.WriteLine($"| critic (P(YES) ≥ 0.5) | {h.N} | {h.Unscored} | {F(h.Accuracy)} | {F(h.Precision)} | {F(h.Recall)} | {F(h.F1)} " +
                $"| {F(h.Ece)} | {F(h.BestThreshold)} ({F(h.BestAccuracy)}) |");
        }
        else Console.WriteLine("no heldout.jsonl: held-out accuracy not measured");
        Console.WriteLine($"checkpoint: hf:{checkpoint}");
    }
}
