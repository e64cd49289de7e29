namespace SIaM.Reporting.Tables;

/// <summary>The one table every rendering (CSV, Markdown, JSON, HTML, JUnit, console) is made from.</summary>
/// <param name="Runs">Run names in the order given.</param>
/// <param name="Baseline">The run the others are compared with, if any.</param>
/// <param name="Rows">Per run: benchmarks, then suites.</param>
public sealed record ResultTable(IReadOnlyList<string> Runs, string? Baseline, IReadOnlyList<ResultRow> Rows);
