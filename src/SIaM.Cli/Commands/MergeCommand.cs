using System.CommandLine;
using SIaM.Core.Runs;
using SIaM.Core.Validation;
using SIaM.Data;
using SIaM.Evaluation.Sharding;
using SIaM.Grading;
using SIaM.Reporting.Runs;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam merge SHARD_DIRS… --out DIR</c>: combines the shards of <c>siam eval --shard I/N</c> into the run directory an
/// unsharded eval writes (identical apart from timing). Shards of different runs, duplicate or missing shards and, unless
/// <c>--allow-incomplete</c>, incomplete shards are refused with exit 2 and nothing written. Critic verdicts of the
/// shards are merged too (<see cref="ShardCritiques"/>).
/// </summary>
internal static class MergeCommand
{
    private static readonly Argument<string[]> Shards = new("SHARD_DIRS")
    {
        Description = "The shard run directories (all of 1/N to N/N, in any order)",
        Arity = ArgumentArity.OneOrMore,
    };
    private static readonly Option<string> Out = new("--out") { Description = "The merged run directory (must not exist or be empty)", Required = true };
    private static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory of the run (default: $SIAM_DATA, ./benchmarks-data, ../shared/benchmarks-data)",
    };
    private static readonly Option<bool> AllowIncomplete = new("--allow-incomplete")
    {
        Description = "Merge shards that are partial or stopped; the merged run is then partial (exit 1)",
    };

    public static Command Create()
    {
        var command = new Command("merge", "Merge the shard directories of 'siam eval --shard I/N' into one run, identical to an unsharded run");
        command.Arguments.Add(Shards);
        foreach (var option in new Option[] { Out, Data, AllowIncomplete }) command.Options.Add(option);
        command.SetAction((result, ct) => RunAsync(result, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var outDirectory = result.GetValue(Out)!;
        // Every option is checked before a shard or the data is read.
        Preflight.ThrowIfInvalid(
        [
            .. result.GetValue(Shards)!.Select(shard => new RunDirectoryValidator(shard)),
            new RequirementValidator(Directory.Exists(outDirectory) && Directory.EnumerateFileSystemEntries(outDirectory).Any(),
                $"--out {outDirectory} is not empty: a merge writes a new run directory"),
            new CheckValidator(() => OutputDirectory.EnsureWritable(outDirectory, "--out")),
            DataOption.Validator(result.GetValue(Data)),
        ]);
        var set = ShardSet.Of(result.GetValue(Shards)!.Select(RunLog.Read).ToList(), result.GetValue(AllowIncomplete));
        var sources = BenchmarkSources.Load(set.Spec.Benchmarks, () => DataLocator.Resolve(result.GetValue(Data)), allowUnverified: true);
        var benchmarks = sources.Benchmarks;
        var checker = new MathEquivalenceChecker(set.Spec.GradingOptions);
        var merged = ShardMerger.Merge(set, benchmarks, sources.Suites, checker, [CheckpointFile.Name]);
        await ShardMerger.WriteAsync(merged, outDirectory,
            temporary => ShardCritiques.MergeAsync(set, temporary, result.GetValue(Data), cancellationToken));
        Console.Error.WriteLine($"siam merge: {set.Shards.Count} shards of run {merged.Results.RunId} ({merged.Samples.Count} samples) → {outDirectory}");
        ResultTableConsoleExporter.WriteRun(merged.Results, outDirectory);
        return merged.Results.Status == RunStatus.Complete ? ExitCodes.Success : ExitCodes.Failure;
    }
}
