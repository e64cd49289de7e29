using System.Text.Json;

namespace SIaM.Core.Runs;

/// <summary>Writes a JSON Lines file atomically: one compact JSON value a line, in the given order.</summary>
public static class JsonLinesWriter
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="lines"/>, all or nothing.</summary>
    public static void WriteAll<T>(string path, IEnumerable<T> lines) =>
        AtomicFile.Write(path, stream =>
        {
            foreach (var line in lines)
            {
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(line, JsonFormat.Line));
                stream.WriteByte((byte)'\n');
            }
        });
}
