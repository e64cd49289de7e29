using System.Text;
using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Runs;

namespace SIaM.Backends.Caching;

/// <summary>
/// The on-disk cache: a directory of JSON Lines segments, one line per completion. Every writer (process, backend
/// instance) appends to a segment of its own, so concurrent processes never interleave; a crash can only tear the last
/// line of a segment, and such a line (no trailing newline) is ignored on load. Any other bad line is an error naming
/// the file and line.
/// </summary>
internal sealed class CacheFile : IDisposable
{
    private readonly string _directory;
    private readonly Lock _gate = new();
    private FileStream? _segment;

    public CacheFile(string directory) => _directory = directory;

    public string? SegmentPath => _segment?.Name;

    public Dictionary<string, Completion> Load()
    {
        var entries = new Dictionary<string, Completion>();
        if (!Directory.Exists(_directory)) return entries;
        foreach (var path in Directory.EnumerateFiles(_directory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            // A last line with no newline after it is an interrupted append: skipped, and asked again.
            foreach (var (text, number) in JsonLinesReader.Lines(path, TornLastLine.Skip))
            {
                if (TryParse(text, out var key, out var completion))
                    entries[key] = completion;
                else
                    throw new InputException(
                        $"{path}:{number}: not a cache entry (expected JSON with key and text); delete the file to drop it");
            }
        }
        return entries;
    }

    public void Append(string key, GenerationRequest request, Completion completion)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("key", key);
            json.WriteString("problem", request.ProblemId);
            json.WriteNumber("sample", request.SampleIndex);
            json.WriteString("text", completion.Text);
            json.WriteString("finish", completion.FinishReason);
            if (completion.PromptTokens is { } prompt) json.WriteNumber("prompt_tokens", prompt);
            if (completion.CompletionTokens is { } generated) json.WriteNumber("completion_tokens", generated);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        lock (_gate)
        {
            _segment ??= OpenSegment();
            _segment.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            _segment.Flush();
        }
    }

    private FileStream OpenSegment()
    {
        Directory.CreateDirectory(_directory);
        var name = $"cache-{DateTime.UtcNow:yyyyMMddTHHmmss}-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl";
        return new FileStream(Path.Combine(_directory, name), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
    }

    private static bool TryParse(string line, out string key, out Completion completion)
    {
        key = "";
        completion = null!;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("key", out var keyElement) || keyElement.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                return false;
            key = keyElement.GetString()!;
            completion = new Completion(
                text.GetString()!,
                CompletionStatus.Ok,
                root.TryGetProperty("finish", out var finish) && finish.ValueKind == JsonValueKind.String ? finish.GetString()! : "stop",
                OptionalInt(root, "prompt_tokens"),
                OptionalInt(root, "completion_tokens"));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int? OptionalInt(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;

    public void Dispose()
    {
        lock (_gate) _segment?.Dispose();
    }
}
