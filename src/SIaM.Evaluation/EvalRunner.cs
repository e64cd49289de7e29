using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Grading;
using SIaM.Core.Prompts;
using SIaM.Core.Sandbox;
using SIaM.Evaluation.Output;
using SIaM.Core.Runs;

namespace SIaM.Evaluation;

/// <summary>What an evaluation needs besides its spec: the data, the model, the executor and the grader.</summary>
public sealed record EvalInputs(
    IReadOnlyList<LoadedBenchmark> Benchmarks,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Suites,
    IModelBackend Backend,
    ICodeSandbox? Sandbox,
    IAnswerExtractor Extractor,
    IEquivalenceChecker Checker);

/// <summary>Options that change how fast a run goes, never its results.</summary>
public sealed record EvalPerformance(int BatchSize = 16, int Concurrency = 4);

/// <summary>Runs an evaluation into an output directory, resumably.</summary>
public static class EvalRunner
{
    /// <summary>
    /// Evaluates every problem × sample not already final in <paramref name="outDirectory"/>, then writes the sorted
    /// samples, <c>results.json</c> and <c>summary.csv</c>.
    /// </summary>
    public static async Task<RunResults> RunAsync(
        RunSpec spec, EvalInputs inputs, string outDirectory, EvalPerformance performance, IRunProgress progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var benchmark in inputs.Benchmarks)
            if (benchmark.Problems.Count == 0)
                throw new InputException($"benchmark {benchmark.Info.Id} has no problems: its data file is empty");
        var identity = Identity(spec, inputs);
        var directory = RunDirectory.Open(outDirectory, identity);
        var planned = Plan(spec, inputs.Benchmarks);
        var done = new ConcurrentDictionary<(string, int), SampleRecord>(
            SamplesFile.ReadExisting(directory.Samples).Where(kv => kv.Value.IsFinal));
        var todo = planned.Where(item => !done.ContainsKey((item.Problem.Id, item.Sample))).ToList();

        progress.Start(planned.Count, planned.Count - todo.Count);
        var solver = new SampleSolver(spec, inputs.Backend, inputs.Sandbox, inputs.Extractor, inputs.Checker);
        var latest = new ConcurrentDictionary<(string, int), SampleRecord>(done);
        using (var samples = SamplesFile.OpenForAppend(directory.Samples))
        {
            await Parallel.ForEachAsync(todo.Chunk(performance.BatchSize),
                new ParallelOptions { MaxDegreeOfParallelism = performance.Concurrency, CancellationToken = cancellationToken },
                async (batch, ct) =>
                {
                    var records = await solver.SolveAsync(batch, ct);
                    foreach (var record in records)
                    {
                        samples.Append(record);
                        latest[record.Key] = record;
                    }
                    progress.Advance(records.Count, records.Count(r => r.Correct == true));
                });
        }
        progress.Stop();

        var ordered = planned.Select(item => latest[(item.Problem.Id, item.Sample)]).ToList();
        SamplesFile.WriteAll(directory.Samples, ordered);
        var results = Results(spec, inputs, ordered, clock.Elapsed.TotalSeconds);
        ResultsWriter.Write(directory, results);
        return results;
    }

    /// <summary>The problems × samples of the run, in canonical order, with their prompts.</summary>
    public static IReadOnlyList<WorkItem> Plan(RunSpec spec, IReadOnlyList<LoadedBenchmark> benchmarks) =>
        benchmarks.SelectMany(benchmark =>
        {
            var template = PromptTemplates.For(spec.Prompt, benchmark.Info.Language);
            return benchmark.Problems.Take(spec.Limit ?? int.MaxValue).SelectMany(problem =>
            {
                var messages = PromptBuilder.Build(problem, template, spec.FewShot);
                var hash = PromptBuilder.Hash(messages);
                return Enumerable.Range(0, spec.Samples).Select(sample => new WorkItem(problem, sample, messages, hash));
            });
        }).ToList();

    private static RunResults Results(RunSpec spec, EvalInputs inputs, IReadOnlyList<SampleRecord> records, double seconds)
    {
        var byBenchmark = records.GroupBy(r => r.Benchmark).ToDictionary(g => g.Key, g => (IReadOnlyList<SampleRecord>)g.ToList());
        var benchmarks = inputs.Benchmarks.ToDictionary(
            b => b.Info.Id,
            b => ResultsBuilder.Benchmark(b.Info.VersionedId, Math.Min(b.Problems.Count, spec.Limit ?? int.MaxValue), spec.Samples,
                byBenchmark.GetValueOrDefault(b.Info.Id) ?? []));
        var ordered = new SortedDictionary<string, BenchmarkResult>(benchmarks, StringComparer.Ordinal);
        return new RunResults(
            RunResults.CurrentSchemaVersion, "success", RunId(spec, inputs),
            ordered, ResultsBuilder.Suites(inputs.Suites, benchmarks), Provenance(spec, inputs),
            new RunTiming(DateTimeOffset.UtcNow, Math.Round(seconds, 3), $"{Environment.MachineName} ({Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription})"));
    }

    /// <summary>A short id of the run's identity: equal specs over equal data give equal ids.</summary>
    public static string RunId(RunSpec spec, EvalInputs inputs) => Sha256.Hex(Identity(spec, inputs).ToJsonString())[..12];

    private static JsonObject Identity(RunSpec spec, EvalInputs inputs)
    {
        var provenance = Provenance(spec, inputs);
        return new JsonObject
        {
            ["schema_version"] = RunResults.CurrentSchemaVersion,
            ["spec"] = JsonSerializer.SerializeToNode(spec, JsonFormat.Line),
            ["benchmark_versions"] = JsonSerializer.SerializeToNode(provenance.BenchmarkVersions, JsonFormat.Line),
            ["data_sha256"] = JsonSerializer.SerializeToNode(provenance.DataSha256, JsonFormat.Line),
            ["prompt_template_hashes"] = JsonSerializer.SerializeToNode(provenance.PromptTemplateHashes, JsonFormat.Line),
        };
    }

    private static Provenance Provenance(RunSpec spec, EvalInputs inputs)
    {
        var templates = inputs.Benchmarks.Select(b => PromptTemplates.For(spec.Prompt, b.Info.Language)).DistinctBy(t => t.Key);
        return new Provenance(
            HarnessInfo.Version, HarnessInfo.GitRevision, inputs.Backend.Spec,
            inputs.Sandbox?.Description ?? "none",
            spec.Prompt.ToString().ToLowerInvariant(),
            Sorted(templates.ToDictionary(t => t.Key, t => t.Hash)),
            Sorted(inputs.Benchmarks.ToDictionary(b => b.Info.Id, b => b.Info.VersionedId)),
            Sorted(inputs.Benchmarks.ToDictionary(b => b.Info.Id, b => b.DataSha256)),
            spec.EffectiveGeneration, spec.Generation.Seed, spec.Samples, spec.Limit, spec.FewShot, spec.MaxToolRounds,
            spec.RelativeTolerance);
    }

    private static SortedDictionary<string, string> Sorted(Dictionary<string, string> values) => new(values, StringComparer.Ordinal);
}
