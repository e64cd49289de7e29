using System.Globalization;
using System.Text.Json;
using CsvHelper;
using SIaM.Core.Runs;

namespace SIaM.Evaluation.Output;

/// <summary>Writes <c>results.json</c> and <c>summary.csv</c>, each atomically.</summary>
public static class ResultsWriter
{
    /// <summary>The columns of <c>summary.csv</c>, one row per benchmark.</summary>
    public static readonly string[] SummaryColumns =
        ["benchmark", "version", "n", "samples", "graded", "correct", "accuracy", "stderr", "pass_at_k", "missing", "errors", "sandbox_failures"];

    /// <summary>Writes both files.</summary>
    public static void Write(RunDirectory directory, RunResults results)
    {
        RunResultsFile.Write(directory.Results, results);
        AtomicFile.Write(directory.Summary, stream => WriteSummary(stream, results));
    }

    private static void WriteSummary(Stream stream, RunResults results)
    {
        using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default, true);
        csv.WriteHeader(SummaryColumns);
        foreach (var (id, b) in results.Benchmarks)
        {
            csv.WriteRecord(
            [
                id, b.Version, Num(b.N), Num(b.Samples), Num(b.Graded), Num(b.Correct), Fraction(b.Accuracy),
                Fraction(b.StandardError), b.PassAtK is { } p ? Fraction(p) : "", Num(b.Missing), Num(b.Errors), Num(b.SandboxFailures),
            ]);
        }
        csv.Flush();
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Fraction(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
