using SIaM.Core.Runs;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Runs;

namespace SIaM.Reporting.Viewer;

/// <summary>
/// The data blocks embedded in <c>report.html</c>: a small index read at once (<see cref="Index"/>), and the flips, the
/// questions and each run's samples, each parsed only when the page first needs it.
/// </summary>
/// <param name="Index">Runs, suites, failing rows and counts.</param>
/// <param name="Flips">Every flip in viewing order, pointing into the runs' sample arrays.</param>
/// <param name="Questions">Benchmark → problem id → question, when the report could read the runs' data.</param>
/// <param name="Samples">Per run (in <see cref="ViewerIndex.Runs"/> order), its samples by benchmark, index, sample.</param>
public sealed record ViewerData(ViewerIndex Index, IReadOnlyList<ViewerFlip> Flips, IReadOnlyDictionary<string, SortedDictionary<string, string>> Questions,
    IReadOnlyList<IReadOnlyList<ViewerSample>> Samples)
{
    /// <summary>The id of the index block, embedded as plain JSON; the others are compressed.</summary>
    public const string IndexBlock = "siam-index";

    /// <summary>Element id → JSON text of every block, in page order.</summary>
    public IEnumerable<(string Id, string Json)> Blocks()
    {
        yield return (IndexBlock, ViewerJson.Serialize(Index));
        yield return ("siam-flips", ViewerJson.Serialize(Flips));
        yield return ("siam-questions", ViewerJson.Serialize(Questions));
        for (var i = 0; i < Samples.Count; i++) yield return ($"siam-run-{i}", ViewerJson.Serialize(Samples[i]));
    }

    /// <summary>Builds the blocks of <paramref name="context"/>.</summary>
    public static ViewerData Of(ReportContext context)
    {
        var runs = context.Runs;
        var samples = runs.Select(RunSamples).ToList();
        var positions = samples.Select(list => list.Select((s, i) => (s, i)).ToDictionary(x => (x.s.B, x.s.Id, x.s.S), x => x.i)).ToList();
        var comparison = context.Comparison;
        var baseIndex = comparison is null ? -1 : IndexOf(runs, comparison.BaseName);
        var candidateIndex = comparison is null ? -1 : IndexOf(runs, comparison.CandidateName);
        var failing = FlipOrder.FailingBenchmarks(context.Verdicts, context.Suites);
        var flips = comparison is null ? [] : FlipOrder.Sort(comparison.Flips, failing).Select(f => new ViewerFlip(
            FlipAnchor.Of(f), Kind(f.Kind), f.Benchmark, f.Id, f.Pair.Base.Index, f.Sample, FlipOrder.IsFailingRegression(f, failing) ? true : null,
            positions[baseIndex][(f.Benchmark, f.Id, f.Sample)], positions[candidateIndex][(f.Benchmark, f.Id, f.Sample)])).ToList();
        var questions = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var ((benchmark, id), question) in context.Questions ?? new Dictionary<(string, string), string>())
        {
            if (!questions.TryGetValue(benchmark, out var byId)) questions[benchmark] = byId = new SortedDictionary<string, string>(StringComparer.Ordinal);
            byId[id] = question;
        }
        var index = new ViewerIndex(
            runs.Select(r => new ViewerRun(
                    r.Name,
                    Plots.RunLabel.Of(r).Label,
                    r.Name == context.Table.Baseline ? true : null,
                    CriticVerdicts.Read(r.Log.Path)?.CriticId))
                .ToList(),
            baseIndex, candidateIndex,
            new SortedDictionary<string, IReadOnlyList<string>>(context.Suites.ToDictionary(s => s.Key, s => s.Value), StringComparer.Ordinal),
            (context.Verdicts ?? []).Where(v => v.Failed).Select(v => v.Row.Name).ToList(),
            flips.Count, comparison?.NotComparable.Count ?? 0);
        return new ViewerData(index, flips, questions, samples);
    }

    private static int IndexOf(IReadOnlyList<NamedRun> runs, string name) =>
        runs.Select((r, i) => (r, i)).First(x => x.r.Name == name).i;

    private static List<ViewerSample> RunSamples(NamedRun run)
    {
        var critic = CriticVerdicts.Read(run.Log.Path)?.Lines.ToDictionary(l => (l.Benchmark, l.Id, l.Sample)) ?? [];
        return run.Log.Samples
            .OrderBy(s => s.Benchmark, StringComparer.Ordinal).ThenBy(s => s.Index).ThenBy(s => s.Sample)
            .Select(s => ViewerSample.Of(s, critic.GetValueOrDefault((s.Benchmark, s.Id, s.Sample))))
            .ToList();
    }

    internal static string Kind(FlipKind kind) => kind switch
    {
        FlipKind.CorrectToWrong => "correct_to_wrong",
        FlipKind.WrongToCorrect => "wrong_to_correct",
        _ => "changed_output",
    };
}
