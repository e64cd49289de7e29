using System.Globalization;
using CsvHelper;
using SIaM.Core.Runs;

namespace SIaM.Evaluation.Output;

/// <summary>
/// A run directory's <c>summary.csv</c>: one line per benchmark of the run's results with <see cref="Columns"/>, and
/// <c>pass@K</c> then <c>maj@K</c> for each k the run computed inserted after <c>stderr</c>. Suites are not written.
/// </summary>
public static class RunSummaryCsv
{
    /// <summary>The fixed columns.</summary>
    public static readonly string[] Columns =
        ["benchmark", "version", "n", "samples", "graded", "correct", "accuracy", "stderr", "missing", "errors", "sandbox_failures"];

    /// <summary>The header for a run reporting <paramref name="ks"/>.</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<string> ks) =>
        [.. Columns[..8], .. ks.Select(k => $"pass@{k}"), .. ks.Select(k => $"maj@{k}"), .. Columns[8..]];

    /// <summary>Writes the benchmark rows of <paramref name="results"/> (RFC 4180, CRLF).</summary>
    public static void Write(Stream stream, RunResults results)
    {
        using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default, true);
        var ks = results.Benchmarks.Values.SelectMany(b => b.PassAt.Keys).Distinct()
            .OrderBy(k => int.Parse(k, CultureInfo.InvariantCulture)).ToList();
        csv.WriteHeader(Header(ks).ToArray());
        foreach (var (name, b) in results.Benchmarks)
        {
            csv.WriteRecord(
            [
                name, b.Version ?? "", Int(b.N), Int(b.Samples), Int(b.Graded), Int(b.Correct), Fraction(b.Accuracy), Fraction(b.StandardError),
                .. ks.Select(k => b.PassAt.TryGetValue(k, out var p) ? Fraction(p) : ""),
                .. ks.Select(k => b.MajAt.TryGetValue(k, out var m) ? Fraction(m) : ""),
                Int(b.Missing), Int(b.Errors), Int(b.SandboxFailures),
            ]);
        }
        csv.Flush();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Up to six decimals, invariant culture: the same numbers as the report's CSV.
    private static string Fraction(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
