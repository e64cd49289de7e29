using System.CommandLine;
using SIaM.Core.Runs;
using SIaM.Core.Validation;
using SIaM.Data;
using SIaM.SelfImprovement.Contamination;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam contamination TRAIN.jsonl --benchmarks …</c>: what an SFT set shares with the evaluation sets (exact program,
/// normalised question, 13-gram); exit 1 when any training example overlaps an evaluation item.
/// </summary>
internal static class ContaminationCommand
{
    private static readonly Argument<FileInfo> Train = new("TRAIN")
    {
        Description = "JSONL of training examples: question or prompt, and completion, response or program",
    };

    private static readonly Option<string> Benchmarks = new("--benchmarks")
    {
        Description = "Benchmark ids, suites and question files (file:PATH.jsonl or file:TASK.json) it will be judged on",
        Required = true,
    };

    private static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory (default: $SIAM_DATA, ./benchmarks-data, ../shared/benchmarks-data)",
    };

    private static readonly Option<string?> Out = new("--out") { Description = "Write the report (counts and every overlap) as JSON to this file" };

    public static Command Create()
    {
        var command = new Command(
            "contamination",
            "Check training data against evaluation sets: exact program, normalised question, 13-gram overlap (exit 1 " +
            "on any)");
        command.Arguments.Add(Train);
        foreach (var option in new Option[] { Benchmarks, Data, Out }) command.Options.Add(option);
        command.SetAction(result =>
        {
            // Every option is checked before the training data or a benchmark is read.
            IReadOnlyList<string> entries = [];
            Preflight.ThrowIfInvalid(
            [
                PathValidator.ExistingFile("TRAIN", result.GetValue(Train)!.FullName),
                new CheckValidator(() => entries = BenchmarkSources.Expand(result.GetValue(Benchmarks)!)),
                DataOption.Validator(result.GetValue(Data)),
                PathValidator.FileToWrite("--out", result.GetValue(Out)),
            ]);
            var examples = ContaminationReport.ReadTraining(result.GetValue(Train)!.FullName);
            var sources = BenchmarkSources.Load(entries, () => DataLocator.Resolve(result.GetValue(Data)), allowUnverified: true);
            var report = ContaminationReport.Of(examples, sources.Benchmarks);
            Console.Out.Write(report.Render());
            if (result.GetValue(Out) is { } file) AtomicFile.WriteText(file, report.ToJson().ToJsonString(JsonFormat.Document) + "\n");
            return report.Overlapping == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
