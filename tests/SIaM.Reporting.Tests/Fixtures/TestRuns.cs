using System.Text.Json.Nodes;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;

namespace SIaM.Reporting.Tests.Fixtures;

/// <summary>Writes real run directories (run.json, samples.jsonl, results.json) for fixed inputs.</summary>
internal static class TestRuns
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Suites =
        new Dictionary<string, IReadOnlyList<string>> { ["en-id"] = ["gsm8k"], ["zh-id"] = ["cmath"] };

    public static string Write(string directory, string label, int step, IReadOnlyList<SampleRecord> samples)
    {
        Directory.CreateDirectory(directory);
        var identity = new JsonObject { ["schema_version"] = RunIdentity.CurrentSchemaVersion, ["model"] = "fixture", ["label"] = label, ["step"] = step };
        File.WriteAllText(Path.Combine(directory, RunDirectory.IdentityFile), identity.ToJsonString(JsonFormat.Document) + "\n");
        SamplesFile.WriteAll(Path.Combine(directory, RunDirectory.SamplesFile), samples);
        var benchmarks = samples.GroupBy(s => s.Benchmark).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => ScoreAggregator.Benchmark($"{g.Key}@1", g.Select(s => s.Id).Distinct().Count(), g.Max(s => s.Sample) + 1, g.ToList()));
        var results = new RunResults(RunResults.CurrentSchemaVersion, "complete", new RemainingSamples(0, 0, 0), $"run-{label}", benchmarks,
            ScoreAggregator.Suites(Suites, benchmarks),
            new Provenance("0.1.0", "test", "grader@1+00000000", "fixture", null, "local", null, "tool", new Dictionary<string, string>(),
                new Dictionary<string, string>(), new Dictionary<string, string>(), new { temperature = 0 }, 1, 1, null, 0, 1, 1e-4),
            new RunTiming(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), 12.5, "test-machine"));
        RunResultsFile.Write(Path.Combine(directory, RunDirectory.ResultsFile), results);
        return directory;
    }

    /// <summary>
    /// The base checkpoint: gsm8k 40 problems (30 right: 0–29), cmath 20 problems (15 right: 0–14), one sample each.
    /// </summary>
    public static List<SampleRecord> BaseSamples() =>
    [
        .. Enumerable.Range(0, 40).Select(i => Samples.Of("gsm8k", i, i < 30, i < 30 ? $"{i}" : $"{i + 100}")),
        .. Enumerable.Range(0, 20).Select(i => Samples.Of("cmath", i, i < 15, i < 15 ? $"{i}" : $"{i + 100}")),
    ];

    /// <summary>
    /// The candidate: gsm8k 0–7 go correct → wrong (7 with a timeout), 35 goes wrong → correct; cmath 3 changes its
    /// completion but stays right, 19 was asked with another prompt (not comparable); gsm8k 39 is missing.
    /// </summary>
    public static List<SampleRecord> CandidateSamples()
    {
        var samples = new List<SampleRecord>();
        foreach (var s in BaseSamples())
        {
            var i = s.Index;
            if (s.Benchmark == "gsm8k" && i < 8)
                samples.Add(Samples.Of("gsm8k", i, false, $"{i + 1}", status: i == 7 ? ExecStatus.Timeout : ExecStatus.Ok));
            else if (s.Benchmark == "gsm8k" && i == 35) samples.Add(Samples.Of("gsm8k", i, true, $"{i}"));
            else if (s.Benchmark == "gsm8k" && i == 39) continue;
            else if (s.Benchmark == "cmath" && i == 3) samples.Add(s with { Completion = "先算一下。\n```python\nprint(3)\n```\n答案是 \\boxed{3}。" });
            else if (s.Benchmark == "cmath" && i == 19) samples.Add(s with { PromptHash = "other-prompt" });
            else samples.Add(s);
        }
        return samples;
    }
}
