using System.Text.Json;

namespace SIaM.Core.Runs;

/// <summary>Reads and writes <c>results.json</c>.</summary>
public static class RunResultsFile
{
    /// <summary>Writes <paramref name="results"/> atomically.</summary>
    public static void Write(string path, RunResults results) =>
        AtomicFile.WriteText(path, JsonSerializer.Serialize(results, JsonFormat.Document) + "\n");

    /// <summary>Reads a <c>results.json</c>; a malformed file or an unknown schema version is an <see cref="InputException"/>.</summary>
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
                throw new InputException($"{path}: schema_version {version} is newer than this harness reads ({RunResults.CurrentSchemaVersion}); upgrade siam");
            return document.RootElement.Deserialize<RunResults>(JsonFormat.Document)
                   ?? throw new InputException($"{path}: empty results");
        }
        catch (JsonException e) { throw new InputException($"{path}: not a SIaM results.json ({e.Message})"); }
    }
}
