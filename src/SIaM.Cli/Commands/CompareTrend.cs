using SIaM.Core;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Snapshots;

namespace SIaM.Cli.Commands;

/// <summary><c>siam compare --trend RUN… [--last K]</c>: the drift detector over the last K checkpoints; exit 1 on a significant downward trend.</summary>
internal static class CompareTrend
{
    public static int Run(IReadOnlyList<string> names, int last, double alpha, string outDirectory, SnapshotStore store)
    {
        if (last < 3) throw new UsageException($"--last must be >= 3 checkpoints, got {last}");
        var runs = names.TakeLast(last).Select(n => RunSource.Load(n, store)).ToList();
        if (runs.Count < 3) throw new UsageException($"--trend needs at least 3 runs, got {runs.Count}");
        if (runs.Select(r => r.Name).Distinct().Count() != runs.Count)
            throw new InputException($"two runs share a name ({string.Join(", ", runs.Select(r => r.Name))}); give distinct directories or snapshots");
        var verdicts = DriftGate.Evaluate(RunTrend.Build(runs), alpha);
        foreach (var verdict in verdicts) Console.WriteLine(verdict.Explanation);
        Console.WriteLine($"written: {TrendReport.Write(outDirectory, runs.Select(r => r.Name).ToList(), verdicts)}");
        var flagged = verdicts.Count(v => v.Flagged);
        if (flagged > 0)
            Console.Error.WriteLine(
                $"drift: {flagged} row(s) trend down significantly over {runs.Count} checkpoints (Holm over {verdicts.Count} rows)");
        return flagged > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
