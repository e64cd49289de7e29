using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Runs;
using SIaM.Critique.Pipeline;
using SIaM.Data;
using SIaM.Grading;

namespace SIaM.Evaluation.Runs;

/// <summary>Loads the problems a run was made of (the benchmarks named in its run.json, checked against its data hashes).</summary>
public static class RunProblems
{
    public static IReadOnlyDictionary<string, ProblemContext> Load(RunLog run, string? dataDirectory)
    {
        var benchmarks = run.Identity["spec"]?["benchmarks"] as JsonArray
            ?? throw new InputException($"{run.Path}/run.json: no spec.benchmarks; not a run of this harness");
        var problems = new Dictionary<string, ProblemContext>();
        var entries = benchmarks.Select(b => b!.GetValue<string>()).ToList();
        foreach (var loaded in BenchmarkSources.Load(entries, () => DataLocator.Resolve(dataDirectory), allowUnverified: true).Benchmarks)
        {
            var id = loaded.Info.Id;
            var expected = run.Identity["data_sha256"]?[id]?.GetValue<string>();
            if (expected is not null && expected != loaded.DataSha256)
                throw new InputException($"the data file of {id} (sha256 {loaded.DataSha256}) is not the one the run used ({expected}); pass --data with the " +
                    $"run's data");
            foreach (var p in loaded.Problems)
                problems[p.Id] = new ProblemContext(p.Question, loaded.Info.Language, ReferenceParser.Parse(p.Reference, p.AnswerKind).Parsed);
        }
        return problems;
    }
}
