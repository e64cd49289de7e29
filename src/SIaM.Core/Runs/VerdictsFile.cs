using System.Text.Json;

namespace SIaM.Core.Runs;

/// <summary>Reads and appends a critic's <c>verdicts.jsonl</c> (a torn last line, from a killed pass, is ignored).</summary>
public static class VerdictsFile
{
    /// <summary>The verdicts recorded so far, by sample (later lines win).</summary>
    public static Dictionary<(string Id, int Sample), CritiqueVerdict> Read(string path)
    {
        var verdicts = new Dictionary<(string, int), CritiqueVerdict>();
        foreach (var verdict in JsonLinesReader.Read<CritiqueVerdict>(path, TornLastLine.Skip, JsonFormat.Line, "critic verdict",
                     "delete the file to judge again"))
            verdicts[verdict.Key] = verdict;
        return verdicts;
    }

    /// <summary>Appends verdicts and flushes them.</summary>
    public static void Append(string path, IEnumerable<CritiqueVerdict> verdicts)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        foreach (var verdict in verdicts)
        {
            stream.Write(JsonSerializer.SerializeToUtf8Bytes(verdict, JsonFormat.Line));
            stream.WriteByte((byte)'\n');
        }
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Rewrites the file atomically in the given order.</summary>
    public static void WriteAll<T>(string path, IEnumerable<T> lines) => JsonLinesWriter.WriteAll(path, lines);
}
