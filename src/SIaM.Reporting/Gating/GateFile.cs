using SIaM.Core;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SIaM.Reporting.Gating;

/// <summary>
/// Reads a gate file:
/// <code>
/// default: { max_drop: 1.0, alpha: 0.05 }
/// benchmarks: { gsm8k: { max_drop: 0.5 } }
/// suites: { zh-ood: { max_drop: 2, alpha: 0.01 } }
/// </code>
/// Missing fields take the value of <c>default</c>, then of the command line.
/// </summary>
public static class GateFile
{
    /// <summary>Parses <paramref name="path"/>; malformed YAML or a bad value is an <see cref="InputException"/> naming the file and line.</summary>
    public static GatePolicy Read(string path, GateThreshold fallback)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: no such gate file");
        Document document;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            document = deserializer.Deserialize<Document?>(File.ReadAllText(path)) ?? new Document();
        }
        catch (YamlException e) { throw new InputException($"{path}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}"); }
        var defaults = Merge(document.Default, fallback, path, "default");
        return new GatePolicy(defaults,
            document.Benchmarks.ToDictionary(p => p.Key, p => Merge(p.Value, defaults, path, $"benchmarks.{p.Key}")),
            document.Suites.ToDictionary(p => p.Key, p => Merge(p.Value, defaults, path, $"suites.{p.Key}")));
    }

    private static GateThreshold Merge(Entry? entry, GateThreshold fallback, string path, string where)
    {
        var threshold = new GateThreshold(entry?.MaxDrop ?? fallback.MaxDropPoints, entry?.Alpha ?? fallback.Alpha);
        if (!(threshold.MaxDropPoints >= 0)) throw new InputException($"{path}: {where}.max_drop must be >= 0");
        if (!(threshold.Alpha > 0 && threshold.Alpha < 1)) throw new InputException($"{path}: {where}.alpha must be in (0, 1)");
        return threshold;
    }

    private sealed class Document
    {
        public Entry? Default { get; set; }
        public Dictionary<string, Entry?> Benchmarks { get; set; } = [];
        public Dictionary<string, Entry?> Suites { get; set; } = [];
    }

    private sealed class Entry
    {
        public double? MaxDrop { get; set; }
        public double? Alpha { get; set; }
    }
}
