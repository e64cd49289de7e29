using System.Text.Json;
using System.Text.Json.Nodes;

namespace SIaM.Core.Runs;

/// <summary>
/// A finished or partial run directory, read-only: the seam through which critics, reports, comparisons and the
/// self-improvement loop read runs. It never modifies the directory.
/// </summary>
/// <param name="Path">The run directory.</param>
/// <param name="Identity">The content of <c>run.json</c>.</param>
/// <param name="Samples">Every sample of <c>samples.jsonl</c>, in file order (later lines for a key replace earlier ones), or of a compact
/// snapshot's <c>samples.compact.br</c>.</param>
/// <param name="Results">The content of <c>results.json</c>, or null when the run has not written it yet.</param>
public sealed record RunLog(string Path, JsonObject Identity, IReadOnlyList<SampleRecord> Samples, RunResults? Results)
{
    /// <summary>The schema version the run was written with (1: no problem/reference hashes, no identity fingerprints).</summary>
    public int SchemaVersion => Identity["schema_version"]!.GetValue<int>();

    /// <summary>
    /// Reads the run in <paramref name="directory"/>, written by this schema version or an older one; a missing or
    /// malformed file, or a newer schema version, is an <see cref="InputException"/> naming it.
    /// </summary>
    public static RunLog Read(string directory)
    {
        if (!Directory.Exists(directory)) throw new InputException($"{directory}: no such run directory");
        var identityPath = System.IO.Path.Combine(directory, RunDirectory.IdentityFile);
        if (!File.Exists(identityPath)) throw new InputException($"{directory}: no {RunDirectory.IdentityFile}; not a SIaM run directory");
        JsonObject identity;
        try { identity = JsonNode.Parse(File.ReadAllText(identityPath)) as JsonObject ?? throw new InputException($"{identityPath}: not a JSON object"); }
        catch (JsonException e) { throw new InputException($"{identityPath}: not valid JSON ({e.Message})"); }
        var version = identity["schema_version"] is JsonValue v && v.TryGetValue<int>(out var number) ? number
            : throw new InputException($"{identityPath}: no schema_version; not a SIaM run.json");
        if (version > RunIdentity.CurrentSchemaVersion)
            throw new InputException(
                $"{identityPath}: schema_version {version} is newer than this harness reads ({RunIdentity.CurrentSchemaVersion}); upgrade siam");
        var samplesPath = System.IO.Path.Combine(directory, RunDirectory.SamplesFile);
        var compactPath = System.IO.Path.Combine(directory, CompactSamplesFile.FileName);
        var samples = !File.Exists(samplesPath) && File.Exists(compactPath)
            ? CompactSamplesFile.Read(compactPath).ToDictionary(s => s.Key) // a compact snapshot
            : SamplesFile.Read(samplesPath);
        var resultsPath = System.IO.Path.Combine(directory, RunDirectory.ResultsFile);
        var results = File.Exists(resultsPath) ? RunResultsFile.Read(resultsPath) : null;
        return new RunLog(directory, identity, samples.Values.ToList(), results);
    }
}
