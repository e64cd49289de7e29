using System.Text.Json;
using SIaM.Core;

namespace SIaM.Data;

/// <summary>Named groups of benchmarks, read from the embedded <c>benchmarks-data/suites.json</c>.</summary>
public static class Suites
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> Table = new(Read);

    /// <summary>Suite name → benchmark ids (suites listed inside a suite are already expanded), in file order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> All => Table.Value;

    /// <summary>
    /// Expands a comma-separated list of benchmark ids and suite names into benchmark ids, in order, without duplicates.
    /// Throws <see cref="InputException"/> for an unknown name, listing the valid suites and ids.
    /// </summary>
    public static IReadOnlyList<string> Expand(string idsOrSuites)
    {
        var result = new List<string>();
        var names = idsOrSuites.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new InputException($"no benchmarks given; valid suites: {string.Join(", ", All.Keys)}");
        foreach (var name in names)
        {
            IEnumerable<string> ids = All.TryGetValue(name, out var suite) ? suite
                : BenchmarkRegistry.All.ContainsKey(name) ? [name]
                : throw new InputException(UnknownMessage(name));
            foreach (var id in ids) if (!result.Contains(id)) result.Add(id);
        }
        return result;
    }

    private static string UnknownMessage(string name)
    {
        var valid = All.Keys.Concat(BenchmarkRegistry.All.Keys).ToList();
        var hint = NearestName.Find(name, valid) is { } near ? $" Did you mean '{near}'?" : "";
        return $"unknown benchmark or suite '{name}'.{hint} Valid suites: {string.Join(", ", All.Keys)}. " +
               $"Valid benchmarks: {string.Join(", ", BenchmarkRegistry.All.Keys)}.";
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Read()
    {
        using var document = JsonDocument.Parse(EmbeddedText.Read("suites.json"));
        var raw = document.RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(x => x.GetString()!).ToList());
        var result = new OrderedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in raw.Keys) result.Add(name, Flatten(name, raw, []));
        return result;
    }

    private static List<string> Flatten(string name, Dictionary<string, List<string>> raw, HashSet<string> visiting)
    {
        if (!visiting.Add(name)) throw new InvalidOperationException($"suites.json: suite '{name}' includes itself");
        var ids = new List<string>();
        foreach (var entry in raw[name])
            foreach (var id in raw.ContainsKey(entry) ? Flatten(entry, raw, visiting) : [entry])
                if (!ids.Contains(id)) ids.Add(id);
        visiting.Remove(name);
        return ids;
    }
}
