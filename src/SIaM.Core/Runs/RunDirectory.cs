using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;

namespace SIaM.Core.Runs;

/// <summary>
/// The output directory of a run. <c>run.json</c> records the run's identity (spec, data hashes, versions); re-running
/// with the same identity resumes, a different one is refused so that two configurations never mix in one directory.
/// </summary>
public sealed class RunDirectory
{
    private RunDirectory(string path) => Path = path;

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>The identity file's name.</summary>
    public const string IdentityFile = "run.json";

    /// <summary>The samples file's name.</summary>
    public const string SamplesFile = "samples.jsonl";

    /// <summary>The results file's name.</summary>
    public const string ResultsFile = "results.json";

    /// <summary>The summary table's name.</summary>
    public const string SummaryFile = "summary.csv";

    /// <summary><c>samples.jsonl</c>.</summary>
    public string Samples => System.IO.Path.Combine(Path, SamplesFile);

    /// <summary><c>results.json</c>.</summary>
    public string Results => System.IO.Path.Combine(Path, ResultsFile);

    /// <summary><c>summary.csv</c>.</summary>
    public string Summary => System.IO.Path.Combine(Path, SummaryFile);

    private string Identity => System.IO.Path.Combine(Path, IdentityFile);

    /// <summary>
    /// Creates or reopens the directory for a run with <paramref name="identity"/>. A directory holding a different
    /// identity is refused (an <see cref="InputException"/> naming the differing fields) and nothing is written to it.
    /// </summary>
    public static RunDirectory Open(string path, RunIdentity identity) => Open(path, identity.ToJson());

    /// <summary>Creates or reopens the directory for a run whose <c>run.json</c> content is <paramref name="identity"/>.</summary>
    public static RunDirectory Open(string path, JsonObject identity)
    {
        var directory = new RunDirectory(path);
        if (!Check(path, identity))
        {
            Directory.CreateDirectory(path);
            AtomicFile.WriteText(directory.Identity, identity.ToJsonString(JsonFormat.Document) + "\n");
        }
        return directory;
    }

    /// <summary>
    /// Refuses, without creating or writing anything, a directory that a run with <paramref name="identity"/> could not
    /// use: one holding another run (the differing fields are named), a run of another schema, or other files. Lets a
    /// command refuse a wrong <c>--out</c> before it loads a model or starts containers.
    /// </summary>
    public static void EnsureUsable(string path, RunIdentity identity) => Check(path, identity.ToJson());

    /// <summary>True when <paramref name="path"/> already holds this run; false when it is missing or empty.</summary>
    private static bool Check(string path, JsonObject identity)
    {
        var identityPath = System.IO.Path.Combine(path, IdentityFile);
        if (File.Exists(identityPath))
        {
            JsonNode? existing;
            try { existing = JsonNode.Parse(File.ReadAllText(identityPath)); }
            catch (JsonException e) { throw new InputException($"{identityPath}: not valid JSON ({e.Message}); delete the directory to start over"); }
            if (existing is JsonObject old && SchemaVersionOf(old) is var version && version != SchemaVersionOf(identity))
                throw new InputException(
                    $"--out {path} holds a run written with schema_version {version} (this siam writes {SchemaVersionOf(identity)}): " +
                    "it can be read but not resumed. Use another --out directory, or delete this one to start over.");
            if (existing is JsonObject previous && !JsonNode.DeepEquals(previous, identity))
                throw new InputException(
                    $"--out {path} holds a run with a different configuration (differs in: {string.Join(", ", IdentityDifferences.Of(previous, identity))}). " +
                    "Use another --out directory, or delete this one to start over.");
            return true;
        }
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
            throw new InputException($"--out {path} is not empty and holds no run.json: refusing to write into it");
        return false;
    }

    private static int? SchemaVersionOf(JsonObject identity) =>
        identity["schema_version"] is JsonValue v && v.TryGetValue<int>(out var number) ? number : null;
}
