using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.SelfImprovement;

/// <summary>Reads <c>iterations.json</c>, the summary of a <c>siam improve</c> run computed from its standard runs.</summary>
public static class IterationsFile
{
    public const string Name = "iterations.json";

    /// <summary>The iteration rows of the run under <paramref name="directory"/>.</summary>
    /// <exception cref="InputException">No iterations.json, an unreadable one, or one without iterations.</exception>
    public static List<IterationSummary> Read(string directory)
    {
        var file = Path.Combine(directory, Name);
        if (!File.Exists(file)) throw new InputException($"{directory}: no {Name}; not a siam improve run, or none of its iterations finished");
        List<IterationSummary> rows;
        try { rows = JsonSerializer.Deserialize<List<IterationSummary>>(File.ReadAllText(file), JsonFormat.Document) ?? []; }
        catch (JsonException e) { throw new InputException($"{file}: not an {Name} of this siam ({e.Message})"); }
        if (rows.Count == 0) throw new InputException($"{file}: no iterations");
        return rows;
    }
}
