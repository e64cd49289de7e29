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
/// family: holm               # holm (default) | hierarchy | per-row
/// benchmark_budget: 0.01     # hierarchy only: test the benchmarks of suites at this α whether or not their suite failed
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
            document.Suites.ToDictionary(p => p.Key, p => Merge(p.Value, defaults, path, $"suites.{p.Key}")),
            ParseFamily(document.Family, path), Budget(document, path));
    }

    private static GateFamily ParseFamily(string? family, string path) => family switch
    {
        null or "holm" => GateFamily.Holm,
        "hierarchy" => GateFamily.Hierarchy,
        "per-row" => GateFamily.PerRow,
        _ => throw new InputException($"{path}: family must be holm, hierarchy or per-row, got '{family}'"),
    };

    private static double? Budget(Document document, string path)
    {
        if (document.BenchmarkBudget is not { } budget) return null;
        if (document.Family != "hierarchy") throw new InputException($"{path}: benchmark_budget needs family: hierarchy");
        if (!(budget > 0 && budget < 1)) throw new InputException($"{path}: benchmark_budget must be in (0, 1)");
        return budget;
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
        public string? Family { get; set; }
        public double? BenchmarkBudget { get; set; }
    }

    private sealed class Entry
    {
        public double? MaxDrop { get; set; }
        public double? Alpha { get; set; }
    }
}
