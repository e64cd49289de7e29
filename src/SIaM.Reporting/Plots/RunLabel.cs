using System.Text.Json.Nodes;
using SIaM.Reporting.Comparing;

namespace SIaM.Reporting.Plots;

/// <summary>The checkpoint label and step a run was recorded with (<c>siam eval --label --step</c>); the run name and its position otherwise.</summary>
public sealed record RunLabel(string Label, double? Step)
{
    /// <summary>Reads them from the run's <c>checkpoint.json</c>, else from its identity.</summary>
    public static RunLabel Of(NamedRun run)
    {
        var (fileLabel, fileStep) = SIaM.Core.Runs.CheckpointFile.Read(run.Log.Path);
        var identity = run.Log.Identity;
        var label = fileLabel ?? Find(identity, "label")?.GetValue<string>();
        var step = fileStep ?? (Find(identity, "step") is JsonValue v && v.TryGetValue<double>(out var s) ? s : null);
        return new RunLabel(string.IsNullOrEmpty(label) ? run.Name : label, step);
    }

    private static JsonNode? Find(JsonObject identity, string key) =>
        identity[key] ?? (identity["spec"] as JsonObject)?[key] ?? (identity["checkpoint"] as JsonObject)?[key];
}
