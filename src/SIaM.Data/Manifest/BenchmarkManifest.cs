using System.Text.Json;

namespace SIaM.Data;

/// <summary>The embedded <c>benchmarks-data/manifest.json</c>: expected hash, count and source of every data file.</summary>
public static class BenchmarkManifest
{
    private static readonly Lazy<IReadOnlyDictionary<string, ManifestEntry>> Entries = new(Read);

    /// <summary>Manifest entries by benchmark id, in manifest order.</summary>
    public static IReadOnlyDictionary<string, ManifestEntry> All => Entries.Value;

    private static IReadOnlyDictionary<string, ManifestEntry> Read()
    {
        using var document = JsonDocument.Parse(EmbeddedText.Read("manifest.json"));
        var result = new OrderedDictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.GetProperty("benchmarks").EnumerateObject())
        {
            var e = property.Value;
            var fields = e.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString() ?? "");
            result.Add(property.Name, new ManifestEntry(
                e.GetProperty("file").GetString()!, e.GetProperty("name").GetString()!, e.GetProperty("language").GetString()!,
                e.GetProperty("records").GetInt32(), e.GetProperty("bytes").GetInt64(), e.GetProperty("sha256").GetString()!,
                e.GetProperty("url").GetString()!, e.GetProperty("licence").GetString()!, fields));
        }
        return result;
    }
}
