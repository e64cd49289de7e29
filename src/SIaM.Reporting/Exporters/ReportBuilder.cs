using SIaM.Reporting.Comparing;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Tables;

namespace SIaM.Reporting.Exporters;

/// <summary>Builds the report context of <c>siam report</c> and <c>siam compare</c>, and writes it with the exporters named.</summary>
public static class ReportBuilder
{
    /// <summary>
    /// The context for <paramref name="runs"/>; with a baseline, every other run is compared with it and the gate
    /// (when <paramref name="policy"/> is given) judges the last run.
    /// </summary>
    public static ReportContext Build(IReadOnlyList<NamedRun> runs, NamedRun? baseline, GatePolicy? policy, double alpha, int seed)
    {
        var all = baseline is null || runs.Any(r => r.Name == baseline.Name) ? runs : [baseline, .. runs];
        var comparisons = baseline is null ? null : all.Where(r => r.Name != baseline.Name)
            .ToDictionary(r => r.Name, r => RunComparer.Compare(baseline, r, alpha, seed));
        var last = comparisons is null || all.Count == 0 ? null : comparisons.GetValueOrDefault(all[^1].Name);
        var verdicts = last is null || policy is null ? null : RegressionGate.Evaluate(last, policy);
        var table = ResultTableBuilder.Build(all, baseline?.Name, comparisons,
            verdicts is null ? null : new Dictionary<string, IReadOnlyList<GateVerdict>> { [all[^1].Name] = verdicts });
        var suites = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var run in all)
            foreach (var (name, suite) in run.Log.Results?.Suites ?? new Dictionary<string, Core.Runs.SuiteResult>())
                suites.TryAdd(name, suite.Benchmarks);
        return new ReportContext(all, table, last, verdicts, suites);
    }

    /// <summary>Writes the context into <paramref name="directory"/> with each exporter in turn; returns the files written.</summary>
    public static IReadOnlyList<string> Write(ReportContext context, string directory, IEnumerable<string> exporters)
    {
        Directory.CreateDirectory(directory);
        return ExporterRegistry.Get(exporters).SelectMany(e => e.Export(context, directory)).ToList();
    }
}
