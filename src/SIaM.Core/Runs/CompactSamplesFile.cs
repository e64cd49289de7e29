using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core.Backends;
using SIaM.Core.Sandbox;

namespace SIaM.Core.Runs;

/// <summary>
/// <c>samples.compact.br</c>: the samples of a snapshot, Brotli-compressed (quality 11, 16 MiB window) and stripped to
/// what comparing and viewing need. One JSON document: a table of distinct completions (each text stored once,
/// found by its content), the benchmark names, and one array per sample. A program or an output that appears in its
/// completion is stored as its offset and length there; a normalised answer equal to the raw one as <c>1</c>; the three
/// content hashes keep their first <see cref="HashChars"/> hex digits (64 bits), which pairing compares as a prefix.
/// Writing the same samples twice gives the same bytes.
/// </summary>
public static class CompactSamplesFile
{
    /// <summary>The file name inside a snapshot directory.</summary>
    public const string FileName = "samples.compact.br";

    /// <summary>The format tag of the document.</summary>
    public const string Format = "siam-compact-samples/1";

    /// <summary>Hex digits kept of each content hash.</summary>
    public const int HashChars = 16;

    private const int Quality = 11;
    private const int Window = 24;

    /// <summary>Writes <paramref name="samples"/> (in the given order) to <paramref name="path"/> atomically; returns the bytes written.</summary>
    public static long Write(string path, IEnumerable<SampleRecord> samples)
    {
        var bytes = Encode(samples);
        AtomicFile.Write(path, stream => stream.Write(bytes));
        return bytes.Length;
    }

    /// <summary>The compressed document.</summary>
    public static byte[] Encode(IEnumerable<SampleRecord> samples)
    {
        var texts = new List<string>();
        var textIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var benchmarks = new List<string>();
        var rows = new JsonArray();
        foreach (var s in samples)
        {
            if (!textIndex.TryGetValue(s.Completion, out var t)) { textIndex[s.Completion] = t = texts.Count; texts.Add(s.Completion); }
            var b = benchmarks.IndexOf(s.Benchmark);
            if (b < 0) { b = benchmarks.Count; benchmarks.Add(s.Benchmark); }
            rows.Add(new JsonArray(
                b, s.Id, s.Index, s.Sample, Short(s.PromptHash), Short(s.ProblemHash), Short(s.ReferenceHash),
                s.CompletionStatus == CompletionStatus.Ok ? null : (JsonNode)Snake(s.CompletionStatus.ToString()),
                t, Within(s.Code, s.Completion), s.Extracted, s.ExtractionMethod, s.Reference, s.Correct, s.Path,
                s.NormalizedPrediction is { } np && np == s.Extracted ? (JsonNode)1 : s.NormalizedPrediction,
                s.NormalizedReference is { } nr && nr == s.Reference ? (JsonNode)1 : s.NormalizedReference,
                s.Error,
                new JsonArray(s.Executions.Select(e => (JsonNode)new JsonArray(
                    Snake(e.Status.ToString()),
                    e.ExitCode,
                    Within(e.Stdout, s.Completion),
                    e.Stderr.Length == 0 ? null : e.Stderr,
                    e.Truncated ? 1 : null)).ToArray())));
        }
        var document = new JsonObject
        {
            ["format"] = Format,
            ["texts"] = new JsonArray(texts.Select(x => (JsonNode)x).ToArray()),
            ["benchmarks"] = new JsonArray(benchmarks.Select(x => (JsonNode)x).ToArray()),
            ["samples"] = rows,
        };
        var json = Encoding.UTF8.GetBytes(document.ToJsonString(JsonFormat.Line));
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length)];
        if (!BrotliEncoder.TryCompress(json, output, out var written, Quality, Window))
            throw new InvalidOperationException("Brotli could not compress the samples");
        return output[..written];
    }

    /// <summary>Reads <paramref name="path"/>; a damaged file is an <see cref="InputException"/> naming it.</summary>
    public static IReadOnlyList<SampleRecord> Read(string path)
    {
        try { return Decode(File.ReadAllBytes(path)); }
        catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or FormatException or NullReferenceException
                                      or ArgumentException or IndexOutOfRangeException)
        {
            throw new InputException($"{path}: not a compact samples file ({e.Message})");
        }
    }

    /// <summary>The samples of a compressed document.</summary>
    public static IReadOnlyList<SampleRecord> Decode(byte[] data)
    {
        using var input = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress);
        using var json = new MemoryStream();
        input.CopyTo(json);
        var document = JsonNode.Parse(json.ToArray()) as JsonObject ?? throw new InvalidDataException("not a JSON object");
        if (document["format"]?.GetValue<string>() != Format) throw new InvalidDataException($"format is not {Format}");
        var texts = document["texts"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        var benchmarks = document["benchmarks"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        return document["samples"]!.AsArray().Select(node =>
        {
            var r = node!.AsArray();
            var completion = texts[r[8]!.GetValue<int>()];
            var extracted = Str(r[10]);
            var reference = r[12]!.GetValue<string>();
            return new SampleRecord(
                Id: r[1]!.GetValue<string>(), Benchmark: benchmarks[r[0]!.GetValue<int>()], Index: r[2]!.GetValue<int>(), Sample: r[3]!.GetValue<int>(),
                PromptHash: r[4]!.GetValue<string>(),
                CompletionStatus: r[7] is null ? CompletionStatus.Ok : Enum<CompletionStatus>(r[7]!.GetValue<string>()),
                Completion: completion, Code: Text(r[9], completion),
                Executions: r[18]!.AsArray().Select(e => e!.AsArray()).Select(e => new ExecutionRecord(
                    Enum<ExecStatus>(e[0]!.GetValue<string>()),
                    e[1]?.GetValue<int>(),
                    Text(e[2], completion) ?? "",
                    Str(e[3]) ?? "",
                    e[4] is not null)).ToList(),
                Extracted: extracted, ExtractionMethod: r[11]!.GetValue<string>(), Reference: reference, Correct: r[13]?.GetValue<bool>(),
                Path: r[14]!.GetValue<string>(),
                NormalizedPrediction: r[15] is JsonValue v1 && v1.TryGetValue<int>(out _) ? extracted : Str(r[15]),
                NormalizedReference: r[16] is JsonValue v2 && v2.TryGetValue<int>(out _) ? reference : Str(r[16]),
                Error: Str(r[17]), ProblemHash: Str(r[5]), ReferenceHash: Str(r[6]));
        }).ToList();
    }

    private static string? Short(string? hash) => hash is { Length: > HashChars } && hash.All(char.IsAsciiHexDigit) ? hash[..HashChars] : hash;

    // A text found inside the completion: [offset, length]; otherwise the text itself.
    private static JsonNode? Within(string? text, string completion)
    {
        if (text is null) return null;
        if (text.Length < 8) return text;
        var at = completion.IndexOf(text, StringComparison.Ordinal);
        return at < 0 ? text : new JsonArray(at, text.Length);
    }

    private static string? Text(JsonNode? node, string completion) => node switch
    {
        null => null,
        JsonArray span => completion.Substring(span[0]!.GetValue<int>(), span[1]!.GetValue<int>()),
        _ => node.GetValue<string>(),
    };

    private static string? Str(JsonNode? node) => node?.GetValue<string>();

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static T Enum<T>(string snake) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(snake.Replace("_", ""), ignoreCase: true, out var value) ? value : throw new FormatException($"unknown value '{snake}'");
}
