using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SIaM.Core.Prompts;

namespace SIaM.Core.Runs;

/// <summary>
/// The content of <c>run.json</c>: everything that determines a run's samples, computed before any model load or
/// container start. Resuming requires an equal identity; a different one is refused with the differing fields named.
/// </summary>
/// <param name="SchemaVersion">The schema version of the run's files (<see cref="CurrentSchemaVersion"/>).</param>
/// <param name="Harness">Harness version and git revision.</param>
/// <param name="GraderVersion">The grader's version (explicit version + hash of its case tables).</param>
/// <param name="Model">The model's fingerprint.</param>
/// <param name="Sandbox">The code executor's fingerprint.</param>
/// <param name="Spec">The frozen run spec, as JSON.</param>
/// <param name="BenchmarkVersions">Benchmark id → version (<see cref="BenchmarkVersion"/>).</param>
/// <param name="DataSha256">Benchmark id → sha256 of its data file.</param>
/// <param name="PromptTemplateHashes">Template key (<c>pot/en</c>) → hash of its wording.</param>
/// <param name="Shard">The slice of the run this directory holds (<c>siam eval --shard I/N</c>); absent from an
/// unsharded run's <c>run.json</c>, and from a merged one, so that a merge equals the unsharded run.</param>
public sealed record RunIdentity(
    int SchemaVersion,
    HarnessStamp Harness,
    string GraderVersion,
    ModelFingerprint Model,
    SandboxFingerprint Sandbox,
    JsonObject Spec,
    IReadOnlyDictionary<string, string> BenchmarkVersions,
    IReadOnlyDictionary<string, string> DataSha256,
    IReadOnlyDictionary<string, string> PromptTemplateHashes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Shard? Shard = null)
{
    /// <summary>The schema version this harness writes into run.json, samples.jsonl and results.json.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>The identity as the JSON object written to <c>run.json</c>.</summary>
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, JsonFormat.Document)!.AsObject();

    /// <summary>A short id of the identity (12 hex of its SHA-256): equal identities give equal ids.</summary>
    [JsonIgnore]
    public string RunId => IdOf(ToJson());

    /// <summary>The short id of a <c>run.json</c> content (12 hex of the SHA-256 of its compact JSON).</summary>
    public static string IdOf(JsonObject identity) => Sha256.Hex(identity.ToJsonString())[..12];
}
