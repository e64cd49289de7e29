using System.Globalization;
using System.Text.Json;
using CsvHelper;
using SIaM.Core.Runs;

namespace SIaM.Evaluation.Output;

/// <summary>Writes <c>results.json</c> and <c>summary.csv</c>, each atomically.</summary>
public static class ResultsWriter
{
    /// <summary>
    /// The columns of <c>summary.csv</c>, one row per benchmark: these, with <c>pass@K</c> then <c>maj@K</c> for each
    /// reported k inserted after <c>stderr</c>.
    /// </summary>
    public static readonly string[] SummaryColumns =
        ["benchmark", "version", "n", "samples", "graded", "correct", "accuracy", "stderr", "missing", "errors", "sandbox_failures"];

    /// <summary>The header of <c>summary.csv</c> for results reporting <paramref name="ks"/>.</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<string> ks) =>
        [.. SummaryColumns[..8], .. ks.Select(k => $"pass@{k}"), .. ks.Select(k => $"maj@{k}"), .. SummaryColumns[8..]];

    /// <summary>Writes both files.</summary>
    public static void Write(RunDirectory directory, RunResults results)
    {
        RunResultsFile.Write(directory.Results, results);
        AtomicFile.Write(directory.Summary, stream => WriteSummary(stream, results));
    }

    private static void WriteSummary(Stream stream, RunResults results)
    {
        using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default, true);
        var ks = results.Benchmarks.Values.SelectMany(b => b.PassAt.Keys).Distinct().OrderBy(int.Parse).ToList();
        csv.WriteHeader(Header(ks).ToArray());
        foreach (var (id, b) in results.Benchmarks)
        {
            csv.WriteRecord(
            [
                id, b.Version, Num(b.N), Num(b.Samples), Num(b.Graded), Num(b.Correct), Fraction(b.Accuracy), Fraction(b.StandardError),
                .. ks.Select(k => b.PassAt.TryGetValue(k, out var p) ? Fraction(p) : ""),
                .. ks.Select(k => b.MajAt.TryGetValue(k, out var m) ? Fraction(m) : ""),
                Num(b.Missing), Num(b.Errors), Num(b.SandboxFailures),
            ]);
        }
        csv.Flush();
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Fraction(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
