using System.Text.Json;
using SIaM.Core.Runs;

namespace SIaM.Reporting.Gating;

/// <summary><c>trend.json</c>: the drift detector's verdict per row, with the adjusted p-values.</summary>
public static class TrendReport
{
    /// <summary>Writes the verdicts on <paramref name="runs"/> into <paramref name="directory"/>; returns the file written.</summary>
    public static string Write(string directory, IReadOnlyList<string> runs, IReadOnlyList<TrendVerdict> verdicts)
    {
        Directory.CreateDirectory(directory);
        var rows = verdicts.Select(v => new
        {
            v.Row.Name, Kind = v.Row.IsSuite ? "suite" : "benchmark", v.Row.Trend.Problems, v.Row.Trend.Checkpoints,
            SlopePerCheckpoint = v.Row.Trend.Slope, ClusteredStandardError = v.Row.Trend.StandardError, v.Row.Trend.PValue,
            v.AdjustedPValue, v.Alpha, Drift = v.Flagged,
        });
        var path = Path.Combine(directory, "trend.json");
        var document = new { SchemaVersion = 1, Runs = runs, Family = "Holm over the rows", Rows = rows };
        AtomicFile.WriteText(path, JsonSerializer.Serialize(document, JsonFormat.Document) + "\n");
        return path;
    }
}
