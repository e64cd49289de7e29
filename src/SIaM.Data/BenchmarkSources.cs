using SIaM.Core;
using SIaM.Core.Benchmarks;
using SIaM.Data.Files;

namespace SIaM.Data;

/// <summary>The benchmarks of one run, loaded, and the suites their results are grouped under.</summary>
/// <param name="Benchmarks">In run order.</param>
/// <param name="Suites">The registered suites, plus the suite of every question file that names one.</param>
public sealed record LoadedSources(IReadOnlyList<LoadedBenchmark> Benchmarks, IReadOnlyDictionary<string, IReadOnlyList<string>> Suites);

/// <summary>
/// What <c>--benchmarks</c> may name: registered benchmark ids, suites, and question files (<c>file:PATH.jsonl</c> or
/// <c>file:TASK.json</c>, see <see cref="QuestionFileTask"/>). One place expands and loads them, for every command.
/// </summary>
public static class BenchmarkSources
{
    /// <summary>
    /// Expands a comma-separated list into run entries: registered ids (suites expanded) and <c>file:FULLPATH</c> entries,
    /// in order, without duplicates. A question file is checked (it exists, its task file parses) here, before any load.
    /// </summary>
    public static IReadOnlyList<string> Expand(string list)
    {
        var result = new List<string>();
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) return SIaM.Data.Suites.Expand(list);
        foreach (var name in names)
        {
            IEnumerable<string> entries = QuestionFileTask.IsFileEntry(name)
                ? [QuestionFileTask.Prefix + QuestionFileTask.Parse(name).Source]
                : SIaM.Data.Suites.Expand(name);
            foreach (var entry in entries) if (!result.Contains(entry)) result.Add(entry);
        }
        return result;
    }

    /// <summary>
    /// Loads every entry of <see cref="Expand"/>: registered ids from the data root (made only when one is needed),
    /// question files from their paths. Two benchmarks with one id, or a question file named like a registered benchmark,
    /// are refused.
    /// </summary>
    public static LoadedSources Load(IReadOnlyList<string> entries, Func<DataRoot> root, bool allowUnverified)
    {
        DataRoot? resolved = null;
        var benchmarks = new List<LoadedBenchmark>();
        var suites = new OrderedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, ids) in SIaM.Data.Suites.All) suites.Add(name, ids);
        foreach (var entry in entries)
        {
            LoadedBenchmark loaded;
            if (QuestionFileTask.IsFileEntry(entry))
            {
                var task = QuestionFileTask.Parse(entry);
                if (BenchmarkRegistry.All.ContainsKey(task.Name))
                    throw new InputException(
                        $"{task.Path}: the question file's name '{task.Name}' is a registered benchmark; " +
                        "rename the file or give a 'name' in a task file");
                loaded = QuestionFileLoader.Load(task);
                if (task.Suite is { } suite)
                {
                    if (SIaM.Data.Suites.All.ContainsKey(suite) || BenchmarkRegistry.All.ContainsKey(suite))
                        throw new InputException($"{entry}: suite '{suite}' is a registered suite or benchmark; choose another name");
                    suites[suite] = [.. suites.GetValueOrDefault(suite) ?? [], task.Name];
                }
            }
            else loaded = BenchmarkLoader.Load(entry, resolved ??= root(), allowUnverified);
            if (benchmarks.Any(b => b.Info.Id == loaded.Info.Id))
                throw new InputException($"two benchmarks of this run are named '{loaded.Info.Id}'; give one a 'name' in a task file");
            benchmarks.Add(loaded);
        }
        return new LoadedSources(benchmarks, suites);
    }
}
