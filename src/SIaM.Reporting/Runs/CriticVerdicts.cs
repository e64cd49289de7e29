using SIaM.Core.Runs;

namespace SIaM.Reporting.Runs;

/// <summary>
/// The critic verdicts of a run, read from <c>RUN/critique/CRITIC_ID/verdicts.jsonl</c> (written by <c>siam critique</c>
/// or <c>siam eval --critic</c>). A run judged by several critics is shown with the one that judged the most samples
/// (ties: the smallest critic id); the others are left out.
/// </summary>
/// <param name="CriticId">The critic's short id (its folder name).</param>
/// <param name="Lines">Its verdicts, in file order (read by <see cref="VerdictsFile"/>, the one reader of the file).</param>
public sealed record CriticVerdicts(string CriticId, IReadOnlyList<CritiqueVerdict> Lines)
{
    /// <summary>The critique folder of a run.</summary>
    public const string Folder = "critique";

    /// <summary>The verdicts of the run in <paramref name="runDirectory"/>, or null when no critic judged it.</summary>
    public static CriticVerdicts? Read(string runDirectory)
    {
        var folder = Path.Combine(runDirectory, Folder);
        if (!Directory.Exists(folder)) return null;
        return Directory.GetDirectories(folder).Order(StringComparer.Ordinal)
            .Select(d => (Id: Path.GetFileName(d), File: Path.Combine(d, "verdicts.jsonl")))
            .Where(x => File.Exists(x.File))
            .Select(x => new CriticVerdicts(x.Id, VerdictsFile.Read(x.File).Values.ToList()))
            .Where(v => v.Lines.Count > 0)
            .OrderByDescending(v => v.Lines.Count)
            .FirstOrDefault();
    }

    /// <summary>
    /// Per benchmark (ordinal order), the agreement over samples with a rule verdict and a critic YES or NO; the
    /// critic's invalid and unparseable outcomes are left out.
    /// </summary>
    public IReadOnlyDictionary<string, Statistics.Agreement> ByBenchmark() =>
        new SortedDictionary<string, Statistics.Agreement>(
            Lines.Where(l => l.RuleCorrect is not null && l.Verdict is CriticOutcome.Yes or CriticOutcome.No)
                .GroupBy(l => l.Benchmark)
                .ToDictionary(g => g.Key, g => g.Aggregate(Statistics.Agreement.Empty, (a, l) => a.Add(l.RuleCorrect!.Value, l.Verdict == CriticOutcome.Yes))),
            StringComparer.Ordinal);
}
