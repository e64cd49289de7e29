using System.Text.Json;

namespace SIaM.Core.Runs;

/// <summary>Reads and writes <c>results.json</c>.</summary>
public static class RunResultsFile
{
    /// <summary>Writes <paramref name="results"/> atomically.</summary>
    public static void Write(string path, RunResults results) =>
        AtomicFile.WriteText(path, JsonSerializer.Serialize(results, JsonFormat.Document) + "\n");

    /// <summary>
    /// Reads a <c>results.json</c> of this schema version or of version 1 (upgraded on reading: its any-correct
    /// <c>pass_at_k</c> becomes <c>pass_at[n]</c>, which the unbiased estimator equals at k = n, and its status follows
    /// from its counts); a malformed file or an unknown schema version is an <see cref="InputException"/> naming it.
    /// </summary>
    public static RunResults Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: no such file");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var version = document.RootElement.TryGetProperty("schema_version", out var v) && v.ValueKind == JsonValueKind.Number
                ? v.GetInt32()
                : throw new InputException($"{path}: no schema_version; not a SIaM results.json");
            if (version > RunResults.CurrentSchemaVersion)
                throw new InputException(
                    $"{path}: schema_version {version} is newer than this harness reads ({RunResults.CurrentSchemaVersion}); upgrade siam");
            var root = version == 1 ? RunResultsV1.Upgrade(document.RootElement) : document.RootElement;
            return root.Deserialize<RunResults>(JsonFormat.Document)
                   ?? throw new InputException($"{path}: empty results");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InputException($"{path}: not a readable SIaM results.json of schema_version {SchemaVersionOf(path)} ({e.Message})");
        }
    }

    private static string SchemaVersionOf(string path)
    {
        try { return JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.GetProperty("schema_version").ToString(); }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { return "unknown"; }
    }
}
