using System.Globalization;
using SIaM.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
/// Missing fields take the value of <c>default</c>, then of the command line. Every error names the file, the line and
/// the key, and for an unknown key the keys allowed there.
/// </summary>
public static class GateFile
{
    /// <summary>The keys at the top of a gate file.</summary>
    public static readonly IReadOnlyList<string> SectionKeys = ["default", "benchmarks", "suites", "family", "benchmark_budget"];

    /// <summary>The keys of one threshold.</summary>
    public static readonly IReadOnlyList<string> ThresholdKeys = ["max_drop", "alpha"];

    /// <summary>Parses <paramref name="path"/>; malformed YAML, an unknown key or a bad value is an <see cref="InputException"/>.</summary>
    public static GatePolicy Read(string path, GateThreshold fallback)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: no such gate file");
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // An error found at the end of the file (an unclosed bracket) is reported on the file's last line.
            var line = Math.Min(e.Start.Line, Math.Max(1, text.TrimEnd('\n').Split('\n').Length));
            throw new InputException($"{path}:{line}: not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        var sections = Mapping(root, path, "the gate file", SectionKeys);
        var defaults = Threshold(sections.GetValueOrDefault("default"), fallback, path, "default");
        return new GatePolicy(defaults,
            Named(sections.GetValueOrDefault("benchmarks"), defaults, path, "benchmarks"),
            Named(sections.GetValueOrDefault("suites"), defaults, path, "suites"),
            Family(sections.GetValueOrDefault("family"), path),
            Budget(sections.GetValueOrDefault("benchmark_budget"), sections.GetValueOrDefault("family"), path));
    }

    private static GateFamily Family(YamlNode? node, string path) => (node as YamlScalarNode)?.Value switch
    {
        null or "holm" => GateFamily.Holm,
        "hierarchy" => GateFamily.Hierarchy,
        "per-row" => GateFamily.PerRow,
        var other => throw new InputException($"{Where(path, node)}: family must be holm, hierarchy or per-row, got '{other}'"),
    };

    private static double? Budget(YamlNode? node, YamlNode? family, string path)
    {
        if (Number(node, path, "benchmark_budget") is not { } budget) return null;
        if ((family as YamlScalarNode)?.Value != "hierarchy") throw new InputException($"{Where(path, node)}: benchmark_budget needs family: hierarchy");
        if (!(budget > 0 && budget < 1)) throw new InputException($"{Where(path, node)}: benchmark_budget must be in (0, 1)");
        return budget;
    }

    private static Dictionary<string, GateThreshold> Named(YamlNode? node, GateThreshold defaults, string path, string section) =>
        Mapping(node, path, section, allowed: null).ToDictionary(p => p.Key, p => Threshold(p.Value, defaults, path, $"{section}.{p.Key}"));

    private static GateThreshold Threshold(YamlNode? node, GateThreshold fallback, string path, string where)
    {
        var fields = Mapping(node, path, where, ThresholdKeys);
        var threshold = new GateThreshold(
            Number(fields.GetValueOrDefault("max_drop"), path, $"{where}.max_drop") ?? fallback.MaxDropPoints,
            Number(fields.GetValueOrDefault("alpha"), path, $"{where}.alpha") ?? fallback.Alpha);
        if (!(threshold.MaxDropPoints >= 0)) throw new InputException($"{Where(path, node)}: {where}.max_drop must be >= 0 points");
        if (!(threshold.Alpha > 0 && threshold.Alpha < 1)) throw new InputException($"{Where(path, node)}: {where}.alpha must be in (0, 1)");
        return threshold;
    }

    // A mapping's entries by key; an absent or empty node is an empty mapping. With allowed keys, any other is refused by name.
    private static Dictionary<string, YamlNode?> Mapping(YamlNode? node, string path, string where, IReadOnlyList<string>? allowed)
    {
        if (node is null || node is YamlScalarNode { Value: null or "" or "~" or "null" }) return [];
        if (node is not YamlMappingNode mapping)
            throw new InputException($"{Where(path, node)}: {where} must be a mapping of " +
                                     (allowed is null ? "names to thresholds { max_drop, alpha }" : $"the keys {string.Join(", ", allowed)}"));
        var entries = new Dictionary<string, YamlNode?>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value
                      ?? throw new InputException($"{Where(path, keyNode)}: a key in {where} must be a plain name");
            if (allowed is not null && !allowed.Contains(key))
                throw new InputException($"{Where(path, keyNode)}: unknown key '{key}' in {where}; allowed keys: {string.Join(", ", allowed)}");
            if (!entries.TryAdd(key, value)) throw new InputException($"{Where(path, keyNode)}: key '{key}' appears twice in {where}");
        }
        return entries;
    }

    private static double? Number(YamlNode? node, string path, string key)
    {
        if (node is null || node is YamlScalarNode { Value: null or "" or "~" or "null" }) return null;
        if (node is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        var got = node is YamlScalarNode scalar ? $"'{scalar.Value}'" : "a " + node.NodeType.ToString().ToLowerInvariant();
        throw new InputException($"{Where(path, node)}: {key} must be a number, got {got}");
    }

    private static string Where(string path, YamlNode? node) => node is null ? path : $"{path}:{node.Start.Line}";
}
