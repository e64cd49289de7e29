namespace SIaM.Reporting.Tables;

/// <summary>
/// What a run's own summary (the console table of <c>siam eval</c>/<c>merge</c>, like its <c>summary.csv</c>) shows of a
/// row beyond the report columns. For a suite row only <see cref="SuiteBenchmarks"/> and <see cref="SuiteComplete"/> are set.
/// </summary>
/// <param name="Version">The benchmark version (null for a suite).</param>
/// <param name="Samples">Samples planned (N × k).</param>
/// <param name="StandardError">Standard error of the per-problem mean score.</param>
/// <param name="PassAt">k → pass@k.</param>
/// <param name="MajAt">k → maj@k.</param>
/// <param name="ExecutionErrors">Program runs whose verdict was not ok.</param>
/// <param name="SuiteBenchmarks">For a suite: how many of its benchmarks the run has.</param>
/// <param name="SuiteComplete">For a suite: whether the run has all of them.</param>
public sealed record RowDetail(
    string? Version,
    int Samples,
    double StandardError,
    IReadOnlyDictionary<string, double> PassAt,
    IReadOnlyDictionary<string, double> MajAt,
    int ExecutionErrors,
    int SuiteBenchmarks = 0,
    bool SuiteComplete = true)
{
    /// <summary>The ks of pass@k and maj@k over all <paramref name="rows"/>, ascending.</summary>
    public static IReadOnlyList<string> Ks(IEnumerable<ResultRow> rows) =>
        rows.SelectMany(r => r.Detail?.PassAt.Keys ?? []).Distinct()
            .OrderBy(k => int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
