using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.SelfImprovement;

/// <summary>Stage files: one JSON record per line, written atomically, read back on resume.</summary>
internal static class JsonLines
{
    public static void Write<T>(string path, IEnumerable<T> records) =>
        AtomicFile.WriteText(path, string.Concat(records.Select(r => JsonSerializer.Serialize(r, JsonOptions.Compact) + "\n")));

    public static List<T> Read<T>(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select((l, i) =>
            JsonSerializer.Deserialize<T>(l, JsonOptions.Compact) ?? throw new InputException($"{path}:{i + 1}: empty record")).ToList();
}
