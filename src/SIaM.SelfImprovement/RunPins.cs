using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.SelfImprovement;

/// <summary>
/// <c>DIR/run.json</c> of <c>siam improve</c>: the settings, and under <c>inputs</c> the sha256 of everything the loop
/// reads (pool questions, each evaluation set, the seed programs, the starting policy's weights, config and
/// tokenizer). A directory holding other settings or other inputs is refused, naming what differs, so a resume never
/// mixes runs (e.g. another <c>--eval</c> file with the old baseline).
/// </summary>
public static class RunPins
{
    private const string InputsKey = "inputs";

    /// <summary>
    /// Creates <paramref name="directory"/> with run.json holding <paramref name="options"/>, or accepts it when its
    /// run.json holds these settings (its inputs are checked later, by <see cref="PinInputs"/>).
    /// </summary>
    /// <exception cref="InputException">The directory holds another run, or other files.</exception>
    public static void ClaimDirectory(ImprovementOptions options, string directory)
    {
        var runFile = Path.Combine(directory, "run.json");
        var settings = Settings(options);
        if (File.Exists(runFile))
        {
            var existing = Read(runFile);
            existing.Remove(InputsKey);
            var differ = Differences(existing, settings);
            if (differ.Count > 0)
                throw new InputException($"{directory}: holds a run with other settings ({string.Join(", ", differ)}; see its run.json); use another --out");
            return;
        }
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new InputException($"{directory}: exists and is not a siam improve run; use another --out");
        Directory.CreateDirectory(directory);
        AtomicFile.WriteText(runFile, settings.ToJsonString(JsonFormat.Document) + "\n");
    }

    /// <summary>
    /// Records <paramref name="inputs"/> (name → sha256) in run.json, or, when it already holds inputs, refuses other
    /// ones, naming each input that changed, appeared or disappeared.
    /// </summary>
    public static void PinInputs(string directory, IReadOnlyDictionary<string, string> inputs)
    {
        var runFile = Path.Combine(directory, "run.json");
        var run = Read(runFile);
        var pinned = new JsonObject(inputs.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => KeyValuePair.Create(i.Key, (JsonNode?)i.Value)));
        if (run[InputsKey] is JsonObject existing)
        {
            var differ = Differences(existing, pinned);
            if (differ.Count > 0)
                throw new InputException($"{directory}: holds a run of other inputs ({string.Join(", ", differ)} differ from its run.json); use another --out");
            return;
        }
        run[InputsKey] = pinned;
        AtomicFile.WriteText(runFile, run.ToJsonString(JsonFormat.Document) + "\n");
    }

    /// <summary>The sha256 of a text as written to a file (UTF-8).</summary>
    public static string Sha256(string text) => SIaM.Core.Prompts.Sha256.Hex(text);

    private static JsonObject Settings(ImprovementOptions options) => JsonSerializer.SerializeToNode(options, JsonFormat.Document)!.AsObject();

    private static JsonObject Read(string path)
    {
        try { return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InputException($"{path}: not a JSON object"); }
        catch (JsonException e) { throw new InputException($"{path}: not valid JSON ({e.Message})"); }
    }

    private static List<string> Differences(JsonObject old, JsonObject now) =>
        old.Select(p => p.Key).Union(now.Select(p => p.Key)).Order(StringComparer.Ordinal)
            .Where(key => !JsonNode.DeepEquals(old[key], now[key])).ToList();
}
