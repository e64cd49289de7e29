using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;

namespace SIaM.Core.Runs;

/// <summary>
/// <c>checkpoint.json</c> in a run directory: the checkpoint label and training step of <c>siam eval --label --step</c>,
/// the x axis of the trend plot. Kept out of <c>run.json</c> so naming a checkpoint never changes a run's identity.
/// </summary>
public static class CheckpointFile
{
    /// <summary>The file's name.</summary>
    public const string Name = "checkpoint.json";

    /// <summary>Writes the label and step (either may be null) atomically.</summary>
    public static void Write(string runDirectory, string? label, long? step) =>
        AtomicFile.WriteText(Path.Combine(runDirectory, Name),
            new JsonObject { ["label"] = label, ["step"] = step }.ToJsonString(JsonFormat.Document) + "\n");

    /// <summary>The label and step, or (null, null) when the run has no such file.</summary>
    public static (string? Label, double? Step) Read(string runDirectory)
    {
        var path = Path.Combine(runDirectory, Name);
        if (!File.Exists(path)) return (null, null);
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InputException($"{path}: not a JSON object");
            return (node["label"]?.GetValue<string>(), node["step"] is JsonValue v && v.TryGetValue<double>(out var s) ? s : null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InputException($"{path}: not a checkpoint file ({e.Message})");
        }
    }
}
