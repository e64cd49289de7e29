using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Backends;

namespace SIaM.Evaluation.Backends;

/// <summary>
/// <c>replay:FILE</c> — completions recorded earlier. Each JSONL line is
/// <c>{"benchmark": "gsm8k", "index": 17, "completion": "…"}</c> (or <c>"completions": [...]</c> for k samples, or
/// <c>"id": "gsm8k/17"</c> instead of benchmark + index). A request with no recorded completion gets
/// <see cref="Completion.Missing"/>; a continuation of a tool-integrated answer is never recorded, so it is missing too.
/// </summary>
public sealed class ReplayBackend : AnsweringBackend
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _completions;

    private ReplayBackend(string spec, IReadOnlyDictionary<string, IReadOnlyList<string>> completions)
    {
        Spec = spec;
        _completions = completions;
    }

    /// <inheritdoc />
    public override string Spec { get; }

    /// <summary>The problem ids the file has completions for.</summary>
    public IEnumerable<string> ProblemIds => _completions.Keys;

    /// <summary>
    /// Reads a replay file. Malformed lines, missing fields and duplicate ids are errors naming the file and line;
    /// so is a file that has no completion for any of <paramref name="runBenchmarks"/>, or one naming a problem
    /// index that <paramref name="problemExists"/> rejects for a benchmark of the run (a replay of another file).
    /// </summary>
    public static ReplayBackend Load(string path, IReadOnlyCollection<string> runBenchmarks, Func<string, bool> problemExists)
    {
        var completions = new Dictionary<string, IReadOnlyList<string>>();
        JsonLinesFile.Read(path, "replay", line =>
        {
            var (id, texts) = ParseLine(line);
            var benchmark = id[..id.LastIndexOf('/')];
            if (runBenchmarks.Contains(benchmark) && !problemExists(id))
                throw line.Error($"{id} is not a problem of benchmark '{benchmark}' (index out of range) — is this a replay of another file?");
            if (!completions.TryAdd(id, texts))
                throw line.Error($"a second line for {id} (use \"completions\": [...] for several samples)");
            return id;
        });
        var covered = completions.Keys.Select(k => k[..k.LastIndexOf('/')]).Distinct().ToList();
        if (!covered.Intersect(runBenchmarks).Any())
            throw new InputException(
                $"{path} has no completions for {string.Join(", ", runBenchmarks)}; " +
                $"it has completions for {(covered.Count == 0 ? "nothing" : string.Join(", ", covered.Order()))}");
        return new ReplayBackend($"replay:{path}", completions);
    }

    private static (string Id, IReadOnlyList<string> Texts) ParseLine(JsonLine line)
    {
        string id;
        if (line.Fields["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var given))
        {
            id = given;
            if (!id.Contains('/') || !int.TryParse(id[(id.LastIndexOf('/') + 1)..], out _))
                throw line.Error($"\"id\" must look like \"gsm8k/17\", got \"{id}\"");
        }
        else if (line.Fields["benchmark"] is JsonValue b && b.TryGetValue<string>(out var benchmark)
                 && line.Fields["index"] is JsonValue i && i.TryGetValue<int>(out var index) && index >= 0)
            id = $"{benchmark}/{index}";
        else
            throw line.Error("missing field: give \"id\" or \"benchmark\" and a non-negative integer \"index\"");

        if (line.Fields["completion"] is JsonValue one && one.TryGetValue<string>(out var text))
            return (id, [text]);
        if (line.Fields["completions"] is JsonArray { Count: > 0 } many && many.All(e => e is JsonValue v && v.TryGetValue<string>(out _)))
            return (id, [.. many.Select(e => e!.GetValue<string>())]);
        throw line.Error("missing field: give \"completion\" (a string) or \"completions\" (a non-empty array of strings)");
    }

    /// <inheritdoc />
    protected override Completion Answer(GenerationRequest request)
    {
        if (request.AssistantPrefix.Length > 0)
            return Completion.Missing("a replay has no continuations of tool-integrated answers");
        if (!_completions.TryGetValue(request.ProblemId, out var texts))
            return Completion.Missing($"no recorded completion for {request.ProblemId}");
        return request.SampleIndex < texts.Count
            ? new Completion(texts[request.SampleIndex])
            : Completion.Missing($"{request.ProblemId} has {texts.Count} recorded sample(s), not {request.SampleIndex + 1}");
    }
}
