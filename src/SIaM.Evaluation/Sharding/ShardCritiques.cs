using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Runs;
using SIaM.Critique;
using SIaM.Critique.Pipeline;
using SIaM.Evaluation.Runs;

namespace SIaM.Evaluation.Sharding;

/// <summary>
/// Merges the shards' critic verdicts (<c>critique/CRITIC_ID/</c>) into a merged run: the verdicts of each critic that
/// judged every shard are put together in the merged sample order, then the critique pass is rerun from them over the
/// whole run, asking the critic nothing, so its statistics are those of an unsharded run's critique (only
/// <c>asked</c>, the critic calls of the pass, is 0). A critic that judged only some shards is refused.
/// </summary>
public static class ShardCritiques
{
    public static async Task MergeAsync(ShardSet set, string mergedDirectory, string? dataDirectory, CancellationToken cancellationToken)
    {
        var critics = set.Shards.Select(s => CriticFolders(s.Log.Path)).ToList();
        var all = critics.SelectMany(c => c).Distinct().Order(StringComparer.Ordinal).ToList();
        if (all.Count == 0) return;
        foreach (var id in all)
            if (set.Shards.Where((_, i) => !critics[i].Contains(id)).Select(s => s.Shard.ToString()).ToList() is { Count: > 0 } lacking)
                throw new InputException($"critic {id} judged some shards but not {string.Join(", ", lacking)}: run 'siam critique' on those shards too, or " +
                    $"remove critique/{id}");

        var run = RunLog.Read(mergedDirectory);
        var problems = RunProblems.Load(run, dataDirectory);
        foreach (var id in all)
        {
            var folders = set.Shards.Select(s => Path.Combine(s.Log.Path, CritiqueRunner.Folder, id)).ToList();
            var identity = JsonNode.Parse(File.ReadAllText(Path.Combine(folders[0], "critic.json")))!.AsObject();
            var verdicts = folders.SelectMany(f => VerdictsFile.Read(Path.Combine(f, "verdicts.jsonl")).Values).ToDictionary(v => v.Key);
            var target = Directory.CreateDirectory(Path.Combine(mergedDirectory, CritiqueRunner.Folder, id)).FullName;
            File.Copy(Path.Combine(folders[0], "critic.json"), Path.Combine(target, "critic.json"));
            VerdictsFile.WriteAll(Path.Combine(target, "verdicts.jsonl"), run.Samples.Where(s => verdicts.ContainsKey(s.Key)).Select(s => verdicts[s.Key]));
            var modes = folders.SelectMany(f => Directory.GetFiles(f, "results-*.json")).Select(Path.GetFileNameWithoutExtension)
                .Select(n => Enum.Parse<ScoringMode>(n!["results-".Length..], ignoreCase: true)).Distinct().Order().ToList();
            await using var critic = new RecordedCritic(identity, id);
            foreach (var mode in modes)
                await CritiqueRunner.RunAsync(run, new CritiqueInputs(critic, mode, problems, SIaM.Data.Suites.All), null, cancellationToken);
        }
    }

    private static HashSet<string> CriticFolders(string runPath)
    {
        var folder = Path.Combine(runPath, CritiqueRunner.Folder);
        return Directory.Exists(folder)
            ? Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, "critic.json"))).Select(d => Path.GetFileName(d)!).ToHashSet()
            : [];
    }

    // The shards' critic, known only by its identity: every sample it is asked about was judged in some shard, so
    // being asked anything means the shards' verdicts do not cover the run.
    private sealed class RecordedCritic(JsonObject identity, string id) : ICritic
    {
        public JsonObject Identity => identity;

        public Task<IReadOnlyList<CriticJudgment>> JudgeAsync(IReadOnlyList<CritiqueCase> cases, CancellationToken cancellationToken) =>
            throw new InputException($"critic {id}: the shards hold no verdict for {cases.Count} sample(s) the scoring mode needs; run 'siam critique' on " +
                $"the merged run");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
