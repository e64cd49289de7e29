namespace SIaM.Reporting.Tables;

/// <summary>
/// The console table of <c>siam eval</c> and <c>siam merge</c>, rendered from the run's result table: plain-text header
/// and cells (the console adds its own styling). Suites show only their graded, correct and accuracy.
/// </summary>
public static class ConsoleLines
{
    /// <summary>Column titles.</summary>
    public static IReadOnlyList<string> Header(ResultTable table)
    {
        var ks = RowDetail.Ks(table.Rows);
        return
        [
            "benchmark", "n", "graded", "correct", "accuracy", "± stderr",
            .. ks.Select(k => $"pass@{k}"), .. ks.Select(k => $"maj@{k}"),
            "missing", "failed", "exec errors",
        ];
    }

    /// <summary>One line of cells per row: benchmarks first, then suites (labelled "(k of suite)" when the run lacks some members).</summary>
    public static IEnumerable<IReadOnlyList<string>> Cells(ResultTable table)
    {
        var ks = RowDetail.Ks(table.Rows);
        foreach (var r in table.Rows)
        {
            var d = r.Detail ?? throw new ArgumentException($"row {r.Name} has no run detail; build the table with ResultTableBuilder.Of", nameof(table));
            yield return r.IsSuite
                ? [SuiteLabel(r, d), "", Format.Int(r.Graded), Format.Int(r.Correct), Pct(r.Accuracy), "", .. ks.SelectMany(_ => new[] { "", "" }), "", "", ""]
                : [r.Name, Format.Int(r.N), Format.Int(r.Graded), Format.Int(r.Correct), Pct(r.Accuracy), Pct(d.StandardError),
                   .. ks.Select(k => d.PassAt.TryGetValue(k, out var p) ? Pct(p) : ""), .. ks.Select(k => d.MajAt.TryGetValue(k, out var m) ? Pct(m) : ""),
                   Format.Int(r.Missing), Format.Int(r.Errors + r.SandboxFailures), Format.Int(d.ExecutionErrors)];
        }
    }

    /// <summary>A suite's name, with "(k of suite)" when the run lacks some of its benchmarks.</summary>
    public static string SuiteLabel(ResultRow row, RowDetail detail) =>
        detail.SuiteComplete ? row.Name : $"{row.Name} ({detail.SuiteBenchmarks} of suite)";

    private static string Pct(double value) => Format.Pct(value) + "%";
}
