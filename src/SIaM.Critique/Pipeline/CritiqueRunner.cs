using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Critique.Critics;
using SIaM.Critique.Rules;
using SIaM.Critique.Statistics;

namespace SIaM.Critique.Pipeline;

/// <summary>What a critique pass needs besides the run.</summary>
/// <param name="Critic">The critic.</param>
/// <param name="Mode">The scoring mode.</param>
/// <param name="Problems">Question, language and gradability per problem id of the run.</param>
/// <param name="Suites">Suite name → benchmark ids, for per-suite scores.</param>
/// <param name="BatchSize">Cases per critic call.</param>
/// <param name="Concurrency">Critic calls in flight.</param>
public sealed record CritiqueInputs(
    ICritic Critic,
    ScoringMode Mode,
    IReadOnlyDictionary<string, ProblemContext> Problems,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Suites,
    int BatchSize = 16,
    int Concurrency = 4);

/// <summary>
/// Adds critic verdicts to a run, beside its samples: <c>RUN/critique/CRITIC_ID/</c> holds <c>critic.json</c> (the
/// critic's identity), <c>verdicts.jsonl</c> (resumable: samples already judged, unchanged, are not asked again),
/// <c>results-MODE.json</c> and <c>disagreements.jsonl</c>. <c>samples.jsonl</c> is never written.
/// </summary>
public static class CritiqueRunner
{
    /// <summary>The folder of all critiques of a run.</summary>
    public const string Folder = "critique";

    /// <summary>Judges what the mode asks for, then writes the results.</summary>
    public static async Task<CritiqueResults> RunAsync(RunLog run, CritiqueInputs inputs, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (run.Identity["schema_version"]?.GetValue<int>() is not (>= 1 and <= RunResults.CurrentSchemaVersion) and var version)
            throw new InputException(
                $"{run.Path}: run.json has schema_version {version?.ToString() ?? "(none)"}; " +
                $"this harness critiques schemas 1 to {RunResults.CurrentSchemaVersion}");
        var id = CriticIdentity.ShortId(inputs.Critic.Identity);
        var directory = Path.Combine(run.Path, Folder, id);
        Directory.CreateDirectory(directory);
        var identityFile = Path.Combine(directory, "critic.json");
        if (!File.Exists(identityFile)) AtomicFile.WriteText(identityFile, inputs.Critic.Identity.ToJsonString(JsonFormat.Document) + "\n");
        var verdictsFile = Path.Combine(directory, "verdicts.jsonl");
        var verdicts = new ConcurrentDictionary<(string, int), CritiqueVerdict>(VerdictsFile.Read(verdictsFile));

        var samples = run.Samples.ToList();
        var context = samples.ToDictionary(s => s.Key, s => inputs.Problems.TryGetValue(s.Id, out var p)
            ? p : throw new InputException($"{run.Path}: sample {s.Id} belongs to no loaded problem; are the data files the run used available?"));
        var todo = samples
            .Where(s => CascadePolicy.ShouldAsk(inputs.Mode, s.Correct, context[s.Key].Gradable))
            .Where(s => !verdicts.TryGetValue(s.Key, out var done) || done.SampleHash != Hash(s))
            .ToList();

        var asked = 0;
        var gate = new object();
        await Parallel.ForEachAsync(todo.Chunk(inputs.BatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = inputs.Concurrency, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                var cases = batch.Select(s => CritiqueCase.From(s, context[s.Key].Question, context[s.Key].Language)).ToList();
                var invalid = cases.Select(InvalidResponse.Check).ToList();
                var toAsk = Enumerable.Range(0, batch.Length).Where(i => invalid[i] is null).ToList();
                var judgments = toAsk.Count == 0 ? [] : await inputs.Critic.JudgeAsync(toAsk.Select(i => cases[i]).ToList(), ct);
                var fresh = new List<CritiqueVerdict>();
                for (var i = 0; i < batch.Length; i++)
                {
                    var s = batch[i];
                    var judgment = invalid[i] is { } reason
                        ? new CriticJudgment(CriticOutcome.Invalid, null, "", reason)
                        : judgments[toAsk.IndexOf(i)];
                    fresh.Add(new CritiqueVerdict(s.Id, s.Sample, s.Benchmark, Hash(s), s.Correct, context[s.Key].Gradable,
                        judgment.Outcome, judgment.PYes, judgment.Raw, judgment.Reason));
                }
                lock (gate)
                {
                    VerdictsFile.Append(verdictsFile, fresh);
                    foreach (var v in fresh) verdicts[v.Key] = v;
                    asked += toAsk.Count;
                }
                progress?.Report(batch.Length);
            });

        var current = samples.Where(s => verdicts.TryGetValue(s.Key, out var v) && v.SampleHash == Hash(s)).Select(s => verdicts[s.Key]).ToList();
        VerdictsFile.WriteAll(verdictsFile, current);
        var results = Results(inputs, id, asked, samples, context, current.ToDictionary(v => v.Key));
        AtomicFile.WriteText(Path.Combine(directory, $"results-{inputs.Mode.ToString().ToLowerInvariant()}.json"),
            JsonSerializer.Serialize(results, JsonFormat.Document) + "\n");
        VerdictsFile.WriteAll(Path.Combine(directory, "disagreements.jsonl"), Disagreements(samples, current.ToDictionary(v => v.Key)));
        return results;
    }

    /// <summary>The critique folder of a critic within a run.</summary>
    public static string DirectoryOf(string runPath, ICritic critic) => Path.Combine(runPath, Folder, CriticIdentity.ShortId(critic.Identity));

    private static CritiqueResults Results(CritiqueInputs inputs, string id, int asked, IReadOnlyList<SampleRecord> samples,
        IReadOnlyDictionary<(string, int), ProblemContext> context, IReadOnlyDictionary<(string, int), CritiqueVerdict> verdicts)
    {
        var scored = samples.Where(s => s.Correct is not null).Select(s =>
        {
            var gradable = context[s.Key].Gradable;
            // In rule mode the critic's cached verdicts are still shown beside the rule's; the combined score ignores them.
            CriticOutcome? critic = verdicts.TryGetValue(s.Key, out var v) ? v.Verdict : null;
            return new ScoredSample(s.Benchmark, s.Correct!.Value, gradable, critic,
                CascadePolicy.Combine(inputs.Mode, s.Correct, gradable, critic)!.Value);
        }).ToList();
        return new CritiqueResults(CritiqueResults.CurrentSchemaVersion, inputs.Mode, id, inputs.Critic.Identity.DeepClone().AsObject(), asked,
            CritiqueStatistics.Of(scored), CritiqueStatistics.PerBenchmark(scored), CritiqueStatistics.PerSuite(scored, inputs.Suites));
    }

    private static IEnumerable<Disagreement> Disagreements(IReadOnlyList<SampleRecord> samples, IReadOnlyDictionary<(string, int), CritiqueVerdict> verdicts) =>
        from s in samples
        where s.Correct is not null && verdicts.ContainsKey(s.Key)
        let v = verdicts[s.Key]
        where v.Verdict is CriticOutcome.Yes or CriticOutcome.No && (v.Verdict == CriticOutcome.Yes) != s.Correct
        select new Disagreement(s.Id, s.Sample, s.Benchmark, s.Correct!.Value, v.Verdict, v.PYes, v.Gradable, s.Reference, s.Extracted, v.Raw);

    private static string Hash(SampleRecord s) =>
        Sha256.Hex(string.Join(
            "\u0000",
            s.Completion,
            s.Reference,
            s.Code ?? "",
            string.Join("\u0001", s.Executions.Select(e => e.Stdout + "\u0002" + e.Stderr))))[..16];
}
