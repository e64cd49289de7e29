using SIaM.Reporting.Comparing;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Tables;

namespace SIaM.Reporting.Exporters;

/// <summary>Everything an exporter may render: the runs, their table, and the comparison of the last run with the baseline.</summary>
/// <param name="Runs">The runs, in the order given.</param>
/// <param name="Table">The result table.</param>
/// <param name="Comparison">Last run vs baseline, when a baseline is given.</param>
/// <param name="Verdicts">The gate's verdicts on <paramref name="Comparison"/>, when a gate applies.</param>
/// <param name="Suites">Suite name → member benchmarks, from the runs' results.</param>
/// <param name="Questions">(benchmark, problem id) → question, when the runs' data could be read; the viewer shows them.</param>
public sealed record ReportContext(
    IReadOnlyList<NamedRun> Runs,
    ResultTable Table,
    RunComparison? Comparison,
    IReadOnlyList<GateVerdict>? Verdicts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Suites,
    IReadOnlyDictionary<(string Benchmark, string Id), string>? Questions = null);
