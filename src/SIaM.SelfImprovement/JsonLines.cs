using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.SelfImprovement;

/// <summary>Stage files: one JSON record per line, written atomically, read back on resume.</summary>
internal static class JsonLines
{
    public static void Write<T>(string path, IEnumerable<T> records) =>
        AtomicFile.WriteText(path, string.Concat(records.Select(r => JsonSerializer.Serialize(r, JsonFormat.Line) + "\n")));

    public static List<T> Read<T>(string path) =>
        JsonLinesReader.Read<T>(path, TornLastLine.Read, JsonFormat.Line, "record");
}
