using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SIaM.Data;
using Snapshooter;
using Snapshooter.NUnit;

namespace SIaM.IntegrationTests.EndToEnd;

/// <summary>
/// The files of one fixed replay run (gsm8k, 4 problems × 2 samples, one sample missing) against the published JSON
/// Schemas and against committed snapshots. Values that change with every commit or machine (timing, git revision, run
/// id, grader version, the temporary directory) are masked before comparing.
/// </summary>
public sealed class RunOutputsTests
{
    private static string Reference(int index) =>
        BenchmarkLoader.Load("gsm8k", DataLocator.Resolve(null), allowUnverified: false).Problems[index].Reference;

    private sealed record Run(string Directory, ProcessOutcome Outcome, string Temp);

    private static async Task<Run> FixedReplayRunAsync(TempDirectory temp)
    {
        string Boxed(string answer) => $"The answer is $\\boxed{{{answer}}}$.";
        File.WriteAllLines(temp.File("replay.jsonl"),
        [
            JsonSerializer.Serialize(new { id = "gsm8k/0", completions = new[] { Boxed(Reference(0)), Boxed(Reference(0)) } }),
            JsonSerializer.Serialize(new { id = "gsm8k/1", completions = new[] { Boxed(Reference(1)), Boxed("-1") } }),
            JsonSerializer.Serialize(new { id = "gsm8k/2", completions = new[] { Boxed("-7"), Boxed("-7") } }),
            JsonSerializer.Serialize(new { id = "gsm8k/3", completions = new[] { Boxed(Reference(3)) } }),
        ]);
        var outcome = await Siam.RunAsync(temp.Path, "eval", "--model", "replay:replay.jsonl", "--benchmarks", "gsm8k",
            "--limit", "4", "--n", "2", "--temperature", "0.7", "--prompt", "cot", "--sandbox", "none", "--out", "run");
        return new Run(temp.File("run"), outcome, temp.Path);
    }

    [Test]
    public async Task Every_file_of_a_run_validates_against_its_published_schema()
    {
        // Arrange
        using var temp = new TempDirectory();
        var run = await FixedReplayRunAsync(temp);
        Assert.That(run.Outcome.ExitCode, Is.EqualTo(1), run.Outcome.Stderr);

        // Act + Assert
        AssertValid("run.schema.json", File.ReadAllText(Path.Combine(run.Directory, "run.json")), "run.json");
        AssertValid("results.schema.json", File.ReadAllText(Path.Combine(run.Directory, "results.json")), "results.json");
        var lines = File.ReadAllLines(Path.Combine(run.Directory, "samples.jsonl"));
        Assert.That(lines, Has.Length.EqualTo(8));
        for (var i = 0; i < lines.Length; i++) AssertValid("sample.schema.json", lines[i], $"samples.jsonl:{i + 1}");
    }

    [Test]
    public void A_schema_rejects_a_file_that_breaks_it()
    {
        // A results.json whose status is not one of the three values, and that lacks run_id
        var errors = Validate("results.schema.json", """{"schema_version": 2, "status": "success"}""");

        Assert.That(errors, Is.Not.Empty);
    }

    [Test]
    public async Task The_outputs_of_a_fixed_replay_run_match_their_snapshots()
    {
        // Arrange
        using var temp = new TempDirectory();

        // Act
        var run = await FixedReplayRunAsync(temp);

        // Assert
        Assert.That(run.Outcome.ExitCode, Is.EqualTo(1), run.Outcome.Stderr);
        Snapshot.Match(File.ReadAllText(Path.Combine(run.Directory, "summary.csv")), SnapshotNameExtension.Create("summary_csv"));
        Snapshot.Match(Masked(File.ReadAllText(Path.Combine(run.Directory, "results.json")), run.Temp), SnapshotNameExtension.Create("results_json"));
        Snapshot.Match(
            string.Join("\n", File.ReadAllLines(Path.Combine(run.Directory, "samples.jsonl")).Take(3)),
            SnapshotNameExtension.Create("samples_jsonl_head"));
        Snapshot.Match(run.Outcome.Stdout.Replace(run.Temp, "<tmp>", StringComparison.Ordinal), SnapshotNameExtension.Create("console_table"));
    }

    private static string Masked(string resultsJson, string temp)
    {
        var node = JsonNode.Parse(resultsJson)!.AsObject();
        node.Remove("timing");
        node["run_id"] = "<run-id>";
        var provenance = node["provenance"]!.AsObject();
        provenance["git_revision"] = "<git-revision>";
        provenance["grader_version"] = "<grader-version>";
        return node
            .ToJsonString(new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            })
            .Replace(temp, "<tmp>", StringComparison.Ordinal);
    }

    private static void AssertValid(string schemaFile, string json, string what)
    {
        var errors = Validate(schemaFile, json);
        Assert.That(errors, Is.Empty, $"{what} does not validate against schemas/{schemaFile}");
    }

    internal static List<string> Validate(string schemaFile, string json)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", schemaFile)),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToList();
    }
}
