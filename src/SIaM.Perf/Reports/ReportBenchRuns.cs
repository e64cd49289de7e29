using System.Text;
using System.Text.Json.Nodes;
using SIaM.Core.Backends;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Reporting.Comparing;

namespace SIaM.Perf.Reports;

/// <summary>
/// A base and a candidate run of <c>siam bench report</c>: N problems with ToRA-shaped completions (a rationale of
/// about 400 characters, a program, its output, a boxed answer), the candidate flipping about one problem in ten.
/// Deterministic for a given N.
/// </summary>
public static class ReportBenchRuns
{
    private static readonly string[] Words =
    [
        "the", "total", "each", "apples", "costs", "dollars", "per", "week", "she", "buys", "left", "after", "so", "then", "remaining", "price",
        "twice", "half",
    ];

    public static (NamedRun Base, NamedRun Candidate) Create(int pairs, string directory)
    {
        var random = new Random(pairs);
        var baseSamples = new List<SampleRecord>();
        var candidateSamples = new List<SampleRecord>();
        for (var i = 0; i < pairs; i++)
        {
            var rationale = string.Join(' ', Enumerable.Range(0, 70).Select(_ => Words[random.Next(Words.Length)]));
            var answer = random.Next(1, 5000);
            var baseRight = random.NextDouble() < 0.8;
            var flip = random.NextDouble() < 0.1;
            baseSamples.Add(Sample(i, rationale, answer, baseRight ? answer : answer + 1, ExecStatus.Ok));
            var candidateRight = flip ? !baseRight : baseRight;
            candidateSamples.Add(Sample(i, flip ? rationale + " check" : rationale, answer, candidateRight ? answer : answer + 2,
                flip && !candidateRight && i % 3 == 0 ? ExecStatus.Timeout : ExecStatus.Ok));
        }
        return (Run("base", baseSamples, directory), Run("cand", candidateSamples, directory));
    }

    private static SampleRecord Sample(int i, string rationale, int reference, int given, ExecStatus status)
    {
        var code = $"def solution():\n    total = {given} * 1\n    return total\n\nprint(solution())";
        var completion = new StringBuilder(rationale).Append($"\n```python\n{code}\n```\n```output\n{given}\n```\nThe answer is " +
            $"$\\boxed{{{given}}}$.").ToString();
        return new SampleRecord($"gsm8k-{i}", "gsm8k", i, 0, $"prompt-{i}", CompletionStatus.Ok, completion, code,
            [new ExecutionRecord(status, status == ExecStatus.Ok ? 0 : null, $"{given}\n", status == ExecStatus.Ok ? "" : "timed out\n", false)],
            $"{given}", "boxed", $"{reference}", given == reference, "numeric", $"{given}", $"{reference}", null, $"problem-{i}", $"reference-{i}");
    }

    private static NamedRun Run(string name, List<SampleRecord> samples, string directory)
    {
        var benchmark = ScoreAggregator.Benchmark("gsm8k@1", samples.Count, 1, samples);
        var results = new RunResults(RunResults.CurrentSchemaVersion, "complete", new RemainingSamples(0, 0, 0), name,
            new Dictionary<string, BenchmarkResult> { ["gsm8k"] = benchmark }, new Dictionary<string, SuiteResult>(),
            new Provenance("bench", "bench", "grader", "bench", null, "local", null, "tool", new Dictionary<string, string>(),
                new Dictionary<string, string>(), new Dictionary<string, string>(), new { temperature = 0 }, 1, 1, null, 0, 1, 1e-4),
            new RunTiming(DateTimeOffset.UnixEpoch, 0, "bench"));
        var identity = new JsonObject { ["schema_version"] = RunIdentity.CurrentSchemaVersion, ["label"] = name };
        return new NamedRun(name, new RunLog(Path.Combine(directory, name), identity, samples, results));
    }
}
