using CsvHelper;
using SIaM.Reporting.Tables;

namespace SIaM.Reporting.Exporters;

/// <summary>
/// A run directory's <c>summary.csv</c>, rendered from the run's result table: one line per benchmark with
/// <see cref="Columns"/>, and <c>pass@K</c> then <c>maj@K</c> for each reported k inserted after <c>stderr</c>.
/// </summary>
public static class RunSummaryCsv
{
    /// <summary>The fixed columns.</summary>
    public static readonly string[] Columns =
        ["benchmark", "version", "n", "samples", "graded", "correct", "accuracy", "stderr", "missing", "errors", "sandbox_failures"];

    /// <summary>The header for a table reporting <paramref name="ks"/>.</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<string> ks) =>
        [.. Columns[..8], .. ks.Select(k => $"pass@{k}"), .. ks.Select(k => $"maj@{k}"), .. Columns[8..]];

    /// <summary>Writes the benchmark rows of <paramref name="table"/> (RFC 4180, CRLF).</summary>
    public static void Write(Stream stream, ResultTable table)
    {
        using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default, true);
        var rows = table.Rows.Where(r => !r.IsSuite).ToList();
        var ks = RowDetail.Ks(rows);
        csv.WriteHeader(Header(ks).ToArray());
        foreach (var r in rows)
        {
            var d = r.Detail ?? throw new ArgumentException($"row {r.Name} has no run detail; build the table with ResultTableBuilder.Of", nameof(table));
            csv.WriteRecord(
            [
                r.Name, d.Version ?? "", Format.Int(r.N), Format.Int(d.Samples), Format.Int(r.Graded), Format.Int(r.Correct),
                Format.Fraction(r.Accuracy), Format.Fraction(d.StandardError),
                .. ks.Select(k => d.PassAt.TryGetValue(k, out var p) ? Format.Fraction(p) : ""),
                .. ks.Select(k => d.MajAt.TryGetValue(k, out var m) ? Format.Fraction(m) : ""),
                Format.Int(r.Missing), Format.Int(r.Errors), Format.Int(r.SandboxFailures),
            ]);
        }
        csv.Flush();
    }
}
