using System.Text;
using System.Text.Json;
using SIaM.Core;

namespace SIaM.Data;

/// <summary>Splits a data file's bytes into raw records; each record is valid only until the next one is read.</summary>
internal static class RecordReader
{
    public static IEnumerable<RawRecord> Read(string benchmark, DataFormat format, string path, byte[] bytes) => format switch
    {
        DataFormat.JsonLines => JsonLines(benchmark, path, bytes),
        DataFormat.JsonArray => JsonArray(benchmark, path, bytes),
        DataFormat.JsonObjectById => JsonObjectById(benchmark, path, bytes),
        DataFormat.Tsv => Tsv(benchmark, path, bytes),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static IEnumerable<RawRecord> JsonLines(string benchmark, string path, byte[] bytes)
    {
        var index = 0;
        foreach (var (line, number) in Lines(path, bytes))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument document;
            try { document = JsonDocument.Parse(line); }
            catch (JsonException e) { throw new InputException($"{path}:{number}: malformed JSON line: {e.Message}"); }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new InputException($"{path}:{number}: expected a JSON object, found {document.RootElement.ValueKind}");
                yield return new RawRecord(benchmark, index++, $"{path}:{number}", document.RootElement);
            }
        }
    }

    private static IEnumerable<RawRecord> JsonArray(string benchmark, string path, byte[] bytes)
    {
        using var document = ParseWhole(path, bytes);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new InputException($"{path}: expected a JSON array of records, found {document.RootElement.ValueKind}");
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            yield return new RawRecord(benchmark, index, $"{path}: record {index}", element);
            index++;
        }
    }

    private static IEnumerable<RawRecord> JsonObjectById(string benchmark, string path, byte[] bytes)
    {
        using var document = ParseWhole(path, bytes);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InputException($"{path}: expected a JSON object keyed by record id, found {document.RootElement.ValueKind}");
        var index = 0;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            yield return new RawRecord(benchmark, index, $"{path}: record {index} (id {property.Name})", property.Value);
            index++;
        }
    }

    private static IEnumerable<RawRecord> Tsv(string benchmark, string path, byte[] bytes)
    {
        var index = 0;
        foreach (var (line, number) in Lines(path, bytes))
        {
            if (line.Length == 0) continue;
            var columns = line.Split('\t');
            if (columns.Length < 2)
                throw new InputException($"{path}:{number}: expected 2 tab-separated columns (question, answer), found {columns.Length}");
            yield return new RawRecord(benchmark, index++, $"{path}:{number}", JsonSerializer.SerializeToElement(columns));
        }
    }

    private static JsonDocument ParseWhole(string path, byte[] bytes)
    {
        try { return JsonDocument.Parse(bytes); }
        catch (JsonException e) { throw new InputException($"{path}:{(e.LineNumber ?? 0) + 1}: malformed JSON: {e.Message}"); }
    }

    private static IEnumerable<(string Line, int Number)> Lines(string path, byte[] bytes)
    {
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException e) { throw new InputException($"{path}: not valid UTF-8 ({e.Message})"); }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            yield return (raw.EndsWith('\r') ? raw[..^1] : raw, number);
        }
    }
}
