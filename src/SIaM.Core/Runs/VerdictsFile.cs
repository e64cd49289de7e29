using System.Text;
using System.Text.Json;

namespace SIaM.Core.Runs;

/// <summary>Reads and appends a critic's <c>verdicts.jsonl</c> (a torn last line, from a killed pass, is ignored).</summary>
public static class VerdictsFile
{
    /// <summary>The verdicts recorded so far, by sample (later lines win).</summary>
    public static Dictionary<(string Id, int Sample), CritiqueVerdict> Read(string path)
    {
        var verdicts = new Dictionary<(string, int), CritiqueVerdict>();
        if (!File.Exists(path)) return verdicts;
        var text = File.ReadAllText(path, Encoding.UTF8);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++) // the part after the last newline is torn or empty
        {
            if (lines[i].Trim().Length == 0) continue;
            try
            {
                var verdict = JsonSerializer.Deserialize<CritiqueVerdict>(lines[i], JsonFormat.Line) ?? throw new InputException($"{path}:{i + 1}: empty verdict");
                verdicts[verdict.Key] = verdict;
            }
            catch (JsonException e)
            {
                throw new InputException($"{path}:{i + 1}: not a critic verdict ({e.Message}); delete the file to judge again");
            }
        }
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
