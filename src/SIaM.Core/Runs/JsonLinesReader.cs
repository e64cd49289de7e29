using System.Text;
using System.Text.Json;

namespace SIaM.Core.Runs;

/// <summary>What a last line with no newline after it is.</summary>
public enum TornLastLine
{
    /// <summary>A whole record: a file written at once, or by hand, may end without a newline.</summary>
    Read,

    /// <summary>A torn record: an append cut short (a killed run). It is skipped; the next append redoes it.</summary>
    Skip,
}

/// <summary>One non-blank line of a JSON Lines file.</summary>
/// <param name="Text">The line without its newline.</param>
/// <param name="Number">The 1-based line number, for <c>file:line</c> messages.</param>
public readonly record struct JsonLinesLine(string Text, int Number);

/// <summary>
/// The one reader of JSON Lines files (UTF-8, <c>\n</c>-separated; blank lines skipped), for every file the tool reads
/// line by line: the run's append logs (samples, verdicts, caches), the loop's stage files and the files users write.
/// Each caller says what a last line without a newline is (<see cref="TornLastLine"/>).
/// </summary>
public static class JsonLinesReader
{
    /// <summary>The non-blank lines of <paramref name="path"/>; a missing file has none.</summary>
    public static IReadOnlyList<JsonLinesLine> Lines(string path, TornLastLine torn) =>
        File.Exists(path) ? Lines(File.ReadAllBytes(path), torn) : [];

    /// <summary>The non-blank lines of <paramref name="bytes"/>.</summary>
    public static IReadOnlyList<JsonLinesLine> Lines(byte[] bytes, TornLastLine torn)
    {
        var lines = new List<JsonLinesLine>();
        var end = torn == TornLastLine.Skip ? CompleteLength(bytes) : bytes.Length;
        var number = 0;
        for (var start = 0; start < end;)
        {
            number++;
            var newline = Array.IndexOf(bytes, (byte)'\n', start, end - start);
            var stop = newline < 0 ? end : newline;
            var text = Encoding.UTF8.GetString(bytes, start, stop - start);
            if (text.Trim().Length > 0) lines.Add(new JsonLinesLine(text.TrimEnd('\r'), number));
            start = stop + 1;
        }
        return lines;
    }

    /// <summary>The length of the part of <paramref name="bytes"/> that ends with a newline (the rest is a torn line).</summary>
    public static int CompleteLength(byte[] bytes) => Array.LastIndexOf(bytes, (byte)'\n') + 1;

    /// <summary>
    /// Each line deserialized as <typeparamref name="T"/>, in file order. A line that does not parse, or is JSON
    /// <c>null</c>, is an <see cref="InputException"/> "<c>file:line: not a {what} (why)</c>", with
    /// <paramref name="remedy"/> appended when given.
    /// </summary>
    public static List<T> Read<T>(string path, TornLastLine torn, JsonSerializerOptions options, string what, string? remedy = null) =>
        Lines(path, torn).Select(line => Parse<T>(path, line, options, what, remedy)).ToList();

    /// <summary>One line deserialized as <typeparamref name="T"/> (see <see cref="Read{T}"/> for the errors).</summary>
    public static T Parse<T>(string path, JsonLinesLine line, JsonSerializerOptions options, string what, string? remedy = null)
    {
        var suffix = remedy is null ? "" : "; " + remedy;
        try
        {
            return JsonSerializer.Deserialize<T>(line.Text, options)
                   ?? throw new InputException($"{path}:{line.Number}: not a {what} (null){suffix}");
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}:{line.Number}: not a {what} ({e.Message}){suffix}");
        }
    }
}
