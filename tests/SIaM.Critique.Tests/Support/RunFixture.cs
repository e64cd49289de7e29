using System.Text.Json.Nodes;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Runs;
using SIaM.Critique.Pipeline;

namespace SIaM.Critique.Tests.Support;

/// <summary>Writes a real run directory (run.json + samples.jsonl) and the problem contexts the critique pass reads.</summary>
internal static class RunFixture
{
    public sealed record Sample(
        string Id, bool? Correct, bool Gradable = true, string Completion = "```python\nprint(1)\n```\n", Language Language = Language.En);

    public static SampleRecord Record(Sample s) => new(
        s.Id, s.Id.Split('/')[0], int.Parse(s.Id.Split('/')[1]), 0, "hash",
        s.Correct is null ? CompletionStatus.Error : CompletionStatus.Ok, s.Completion, "print(1)",
        [], s.Correct is null ? null : "1", "program-output", "1", s.Correct, "path", null, null, null,
        ProblemHash: $"p-{s.Id}", ReferenceHash: $"r-{s.Id}");

    public static RunLog Write(string directory, IReadOnlyList<Sample> samples, int schemaVersion = RunResults.CurrentSchemaVersion)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, RunDirectory.IdentityFile), new JsonObject { ["schema_version"] = schemaVersion }.ToJsonString());
        SamplesFile.WriteAll(Path.Combine(directory, RunDirectory.SamplesFile), samples.Select(Record));
        return RunLog.Read(directory);
    }

    public static IReadOnlyDictionary<string, ProblemContext> Problems(IReadOnlyList<Sample> samples) =>
        samples.ToDictionary(s => s.Id, s => new ProblemContext($"Question {s.Id}", s.Language, s.Gradable));

    /// <summary>A replay recording: p_yes per problem (sample 0).</summary>
    public static string Recording(string path, IReadOnlyDictionary<string, double> pYes, IReadOnlyDictionary<string, string>? texts = null)
    {
        var lines = pYes.Select(kv => new JsonObject { ["id"] = kv.Key, ["sample"] = 0, ["p_yes"] = kv.Value }.ToJsonString())
            .Concat((texts ?? new Dictionary<string, string>())
                .Select(kv => new JsonObject { ["id"] = kv.Key, ["sample"] = 0, ["text"] = kv.Value }.ToJsonString()));
        File.WriteAllLines(path, lines);
        return path;
    }
}
