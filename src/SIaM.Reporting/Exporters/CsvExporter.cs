using CsvHelper;
using SIaM.Core.Runs;
using SIaM.Reporting.Tables;

namespace SIaM.Reporting.Exporters;

/// <summary><c>summary.csv</c>: one line per row of the table.</summary>
public sealed class CsvExporter : IExporter
{
    /// <summary>The header.</summary>
    public static readonly string[] Columns =
    [
        "run", "name", "kind", "n", "graded", "correct", "accuracy", "ci_low", "ci_high", "pass_at_k", "missing", "errors",
        "sandbox_failures", "delta", "delta_ci_low", "delta_ci_high", "correct_to_wrong", "wrong_to_correct", "p_value", "gate",
        "adjusted_p_value", "min_detectable_drop_points", "under_powered",
    ];

    /// <inheritdoc />
    public string Name => "csv";

    /// <inheritdoc />
    public IReadOnlyList<string> Export(ReportContext context, string directory)
    {
        AtomicFile.Write(Path.Combine(directory, "summary.csv"), stream =>
        {
            using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default, true);
            csv.WriteHeader(Columns);
            foreach (var r in context.Table.Rows)
            {
                var c = r.VsBaseline;
                csv.WriteRecord(
                [
                    r.Run, r.Name, r.IsSuite ? "suite" : "benchmark", Format.Int(r.N), Format.Int(r.Graded), Format.Int(r.Correct),
                    Format.Fraction(r.Accuracy), Format.Fraction(r.Interval.Low), Format.Fraction(r.Interval.High),
                    r.PassAtK is { } p ? Format.Fraction(p) : "", Format.Int(r.Missing), Format.Int(r.Errors), Format.Int(r.SandboxFailures),
                    c is null ? "" : Format.Fraction(c.Delta), c is null ? "" : Format.Fraction(c.DeltaInterval.Low),
                    c is null ? "" : Format.Fraction(c.DeltaInterval.High), c is null ? "" : Format.Int(c.CorrectToWrong),
                    c is null ? "" : Format.Int(c.WrongToCorrect), c is null ? "" : Format.Fraction(c.PValue),
                    r.Gate is null ? "" : r.Gate.Failed ? "fail" : "pass",
                    r.Gate is null ? "" : Format.Fraction(r.Gate.AdjustedPValue),
                    r.Gate is null || !double.IsFinite(r.Gate.MinimumDetectableDropPoints) ? "" : Format.Fraction(r.Gate.MinimumDetectableDropPoints),
                    r.Gate is null ? "" : r.Gate.UnderPowered ? "true" : "false",
                ]);
            }
            csv.Flush();
        });
        return ["summary.csv"];
    }
}
