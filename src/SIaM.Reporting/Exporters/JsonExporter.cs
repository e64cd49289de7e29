using System.Text.Json;
using SIaM.Core.Runs;

namespace SIaM.Reporting.Exporters;

/// <summary><c>table.json</c>: the result table in the runs' JSON format.</summary>
public sealed class JsonExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "json";

    /// <inheritdoc />
    public IReadOnlyList<string> Export(ReportContext context, string directory)
    {
        var rows = context.Table.Rows.Select(r => new
        {
            r.Run, r.Name, Kind = r.IsSuite ? "suite" : "benchmark", r.N, r.Graded, r.Correct, r.Accuracy,
            Ci = new[] { r.Interval.Low, r.Interval.High }, r.PassAtK, r.Missing, r.Errors, r.SandboxFailures,
            PassAtKCi = r.PassAtKInterval is { } pi ? new[] { pi.Low, pi.High } : null, r.MajAtK,
            MajAtKCi = r.MajAtKInterval is { } mi ? new[] { mi.Low, mi.High } : null,
            VsBaseline = r.VsBaseline is not { } c ? null : new
            {
                c.Pairs, c.Problems, c.NotComparable, c.BaseAccuracy, c.CandidateAccuracy, c.Delta,
                DeltaCi = new[] { c.DeltaInterval.Low, c.DeltaInterval.High }, c.CorrectToWrong, c.WrongToCorrect, c.PValue,
                c.Test, c.SamplesPerProblem, ClusteredStandardError = c.Paired?.StandardError,
            },
            Gate = r.Gate is null ? null : r.Gate.Failed ? "fail" : "pass",
            GateDetail = r.Gate is not { } g ? null : new
            {
                g.AdjustedPValue, g.Alpha, g.Family, g.Tested, g.Threshold.MaxDropPoints,
                MinimumDetectableDropPoints = double.IsFinite(g.MinimumDetectableDropPoints) ? g.MinimumDetectableDropPoints : (double?)null, g.UnderPowered,
            },
        });
        var document = new { SchemaVersion = 1, context.Table.Runs, context.Table.Baseline, Rows = rows };
        AtomicFile.WriteText(Path.Combine(directory, "table.json"), JsonSerializer.Serialize(document, JsonFormat.Document) + "\n");
        return ["table.json"];
    }
}
