using System.Text.Json;
using SIaM.Data;

namespace SIaM.IntegrationTests.EndToEnd;

/// <summary>
/// <c>siam eval --shard I/N</c> then <c>siam merge</c> against one unsharded eval of the same replay (gsm8k and cmath,
/// 5 problems each, 2 samples, some right, some wrong): the merged files are the unsharded files byte for byte, timing aside.
/// </summary>
public sealed class ShardMergeTests
{
    private static readonly string[] Files = ["run.json", "samples.jsonl", "summary.csv", "checkpoint.json"];

    [TestCase(3)]
    [TestCase(11)] // more shards than problems: one shard is empty
    public async Task Merged_shards_equal_the_unsharded_run_byte_for_byte_apart_from_timing(int shards)
    {
        // Arrange
        using var temp = new TempDirectory();
        WriteReplay(temp, skip: null);
        await EvalAsync(temp, "whole", expectedExit: 0);
        for (var i = 1; i <= shards; i++) await EvalAsync(temp, $"shard{i}", expectedExit: 0, "--shard", $"{i}/{shards}");

        // Act: the shards in reverse order
        var merge = await Siam.RunAsync(temp.Path, ["merge", .. Enumerable.Range(1, shards).Reverse().Select(i => $"shard{i}"),
            "--out", "merged", "--data", SharedFixtures.BenchmarksData]);

        // Assert
        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.Stderr);
        foreach (var file in Files)
            Assert.That(File.ReadAllBytes(temp.File($"merged/{file}")), Is.EqualTo(File.ReadAllBytes(temp.File($"whole/{file}"))), file);
        Assert.That(Normalized.Results(temp.File("merged/results.json")), Is.EqualTo(Normalized.Results(temp.File("whole/results.json"))));
        Assert.That(Directory.GetFileSystemEntries(temp.File("merged")).Select(Path.GetFileName), Is.EquivalentTo(Files.Append("results.json")));
        var sampled = Enumerable.Range(1, shards).Sum(i => File.ReadAllLines(temp.File($"shard{i}/samples.jsonl")).Length);
        Assert.That(sampled, Is.EqualTo(20), "every (problem, sample) is in exactly one shard");
        Assert.That(merge.Stdout, Does.Contain("status: complete"));
    }

    [Test]
    public async Task A_shard_writes_its_slice_into_run_json_and_results_json_and_both_validate_against_the_schemas()
    {
        // Arrange
        using var temp = new TempDirectory();
        WriteReplay(temp, skip: null);

        // Act
        await EvalAsync(temp, "shard2", expectedExit: 0, "--shard", "2/4");

        // Assert
        foreach (var (file, schema) in new[] { ("run.json", "run.schema.json"), ("results.json", "results.schema.json") })
        {
            var text = File.ReadAllText(temp.File($"shard2/{file}"));
            Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("shard").GetRawText(),
                Is.EqualTo("{\n    \"index\": 2,\n    \"count\": 4\n  }"), file);
            Assert.That(RunOutputsTests.Validate(schema, text), Is.Empty, file);
        }
        // problems 1, 5 and 9 of the run: gsm8k/1, then cmath's second and last
        var ids = File.ReadAllLines(temp.File("shard2/samples.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
        Assert.That(ids.Distinct(),
            Is.EqualTo(new[] { "gsm8k/1", Id("cmath", 0), Id("cmath", 4) }));
    }

    [Test]
    public async Task Resuming_a_shard_directory_as_another_shard_is_refused_naming_the_field()
    {
        // Arrange
        using var temp = new TempDirectory();
        WriteReplay(temp, skip: null);
        await EvalAsync(temp, "shard", expectedExit: 0, "--shard", "1/4");
        var before = File.ReadAllBytes(temp.File("shard/samples.jsonl"));

        // Act
        var resume = await Siam.RunAsync(temp.Path, [.. EvalArgs("shard"), "--shard", "2/4"]);

        // Assert
        Assert.That(resume.ExitCode, Is.EqualTo(2), resume.Stderr);
        Assert.That(resume.Stderr, Does.Contain("differs in: shard.index"));
        Assert.That(File.ReadAllBytes(temp.File("shard/samples.jsonl")), Is.EqualTo(before));
    }

    [Test]
    public async Task An_incomplete_shard_is_refused_unless_allowed_and_then_merges_to_the_unsharded_partial_run()
    {
        // Arrange: no completions for gsm8k/2 (problem 2 of the run: shard 1 of 2), so that shard and the whole run are partial
        using var temp = new TempDirectory();
        WriteReplay(temp, skip: "gsm8k/2");
        await EvalAsync(temp, "whole", expectedExit: 1);
        await EvalAsync(temp, "a", expectedExit: 1, "--shard", "1/2");
        await EvalAsync(temp, "b", expectedExit: 0, "--shard", "2/2");

        // Act
        var refused = await Siam.RunAsync(temp.Path, "merge", "a", "b", "--out", "merged", "--data", SharedFixtures.BenchmarksData);
        var allowed = await Siam.RunAsync(temp.Path, "merge", "a", "b", "--out", "merged", "--data", SharedFixtures.BenchmarksData, "--allow-incomplete");

        // Assert
        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.Stderr);
        Assert.That(refused.Stderr, Does.Contain("a (shard 1/2) is incomplete").And.Contain("--allow-incomplete"));
        Assert.That(allowed.ExitCode, Is.EqualTo(1), allowed.Stderr);
        Assert.That(File.ReadAllBytes(temp.File("merged/samples.jsonl")), Is.EqualTo(File.ReadAllBytes(temp.File("whole/samples.jsonl"))));
        Assert.That(Normalized.Results(temp.File("merged/results.json")), Is.EqualTo(Normalized.Results(temp.File("whole/results.json"))));
        Assert.That(Normalized.Results(temp.File("merged/results.json")), Does.Contain("\"status\":\"partial\""));
    }

    [Test]
    public async Task Shards_of_different_runs_are_refused_naming_the_differing_field_and_nothing_is_written()
    {
        // Arrange: shard 2 ran with a different seed
        using var temp = new TempDirectory();
        WriteReplay(temp, skip: null);
        await EvalAsync(temp, "a", expectedExit: 0, "--shard", "1/2");
        await EvalAsync(temp, "b", expectedExit: 0, "--shard", "2/2", "--seed", "7");

        // Act
        var merge = await Siam.RunAsync(temp.Path, "merge", "a", "b", "--out", "merged", "--data", SharedFixtures.BenchmarksData);

        // Assert
        Assert.That(merge.ExitCode, Is.EqualTo(2), merge.Stderr);
        Assert.That(merge.Stderr, Does.Contain("differs in: spec.generation.seed"));
        Assert.That(Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "replay.jsonl", "a", "b" }));
    }

    [Test]
    public async Task Critic_verdicts_of_the_shards_merge_to_the_unsharded_critique_and_the_report_draws_their_agreement()
    {
        // Arrange: a recorded critic judges every sample (scoring "both"), YES unless (index + sample) % 3 == 0
        using var temp = new TempDirectory();
        WriteReplay(temp, skip: null);
        File.WriteAllLines(temp.File("critic.jsonl"), new[] { "gsm8k", "cmath" }.SelectMany(b => Enumerable.Range(0, 5).SelectMany(i => Enumerable.Range(0, 2)
            .Select(k => JsonSerializer.Serialize(new { id = $"{b}/{i}", sample = k, p_yes = (i + k) % 3 == 0 ? 0.1 : 0.9 })))));
        string[] critic = ["--critic", "replay:critic.jsonl", "--scoring", "both"];
        await EvalAsync(temp, "whole", expectedExit: 0, critic);
        for (var i = 1; i <= 3; i++) await EvalAsync(temp, $"shard{i}", expectedExit: 0, [.. critic, "--shard", $"{i}/3"]);

        // Act
        var merge = await Siam.RunAsync(temp.Path, "merge", "shard1", "shard2", "shard3", "--out", "merged", "--data", SharedFixtures.BenchmarksData);
        var report = await Siam.RunAsync(temp.Path, "report", "merged", "--out", "rep");

        // Assert
        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.Stderr);
        var id = Path.GetFileName(Directory.GetDirectories(temp.File("whole/critique")).Single());
        foreach (var file in new[] { "critic.json", "verdicts.jsonl", "disagreements.jsonl" })
            Assert.That(File.ReadAllBytes(temp.File($"merged/critique/{id}/{file}")),
                Is.EqualTo(File.ReadAllBytes(temp.File($"whole/critique/{id}/{file}"))), file);
        Assert.That(WithoutAsked(temp.File($"merged/critique/{id}/results-both.json")),
            Is.EqualTo(WithoutAsked(temp.File($"whole/critique/{id}/results-both.json"))));
        Assert.That(File.ReadAllLines(temp.File($"merged/critique/{id}/verdicts.jsonl")), Has.Length.EqualTo(20));
        Assert.That(report.ExitCode, Is.EqualTo(0), report.Stderr);
        Assert.That(new FileInfo(temp.File("rep/plots/critic-agreement.png")).Length, Is.GreaterThan(5000));
        Assert.That(File.ReadAllText(temp.File("rep/report.md")), Does.Contain("plots/critic-agreement.png"));
    }

    [Test, Category("Docker")]
    public async Task Shards_of_an_hf_model_whose_programs_run_in_the_docker_pool_merge_to_the_unsharded_run_byte_for_byte()
    {
        // Arrange: a real hf: checkpoint that writes print(2+3) for every problem; 4 gsm8k problems, 2 samples each
        DockerGate.Require();
        using var temp = new TempDirectory();
        var checkpoint = ProgramWritingCheckpoint.Write(temp.File("ckpt"));
        string[] Eval(string outDirectory) =>
            ["eval", "--model", $"hf:{checkpoint}", "--benchmarks", "gsm8k", "--limit", "4", "--n", "2", "--temperature", "0.7",
             "--prompt", "pot", "--sandbox", "docker", "--max-new-tokens", "8", "--data", SharedFixtures.BenchmarksData, "--out", outDirectory];
        foreach (var (directory, shard) in new[] { ("whole", null), ("shard1", "1/2"), ("shard2", "2/2") })
        {
            var eval = await Siam.RunAsync(TimeSpan.FromMinutes(4), temp.Path, [.. Eval(directory), .. shard is null ? [] : new[] { "--shard", shard }]);
            Assert.That(eval.ExitCode, Is.EqualTo(0), eval.Stdout + eval.Stderr);
        }

        // Act
        var merge = await Siam.RunAsync(temp.Path, "merge", "shard2", "shard1", "--out", "merged", "--data", SharedFixtures.BenchmarksData);

        // Assert
        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.Stderr);
        foreach (var file in new[] { "run.json", "samples.jsonl", "summary.csv" })
            Assert.That(File.ReadAllBytes(temp.File($"merged/{file}")), Is.EqualTo(File.ReadAllBytes(temp.File($"whole/{file}"))), file);
        Assert.That(Normalized.Results(temp.File("merged/results.json")), Is.EqualTo(Normalized.Results(temp.File("whole/results.json"))));
        var samples = File.ReadAllLines(temp.File("merged/samples.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(samples, Has.Count.EqualTo(8));
        foreach (var sample in samples)
        {
            Assert.That(sample.GetProperty("completion").GetString(), Is.EqualTo(ProgramWritingCheckpoint.Program));
            var execution = sample.GetProperty("executions").EnumerateArray().Single();
            Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("ok"), "the program ran in the sandbox");
            Assert.That(execution.GetProperty("stdout").GetString()!.Trim(), Is.EqualTo(ProgramWritingCheckpoint.Output));
        }
    }

    private static string WithoutAsked(string path)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node.Remove("asked"); // critic calls made by the pass: the merge asks none, it reuses the shards' verdicts
        return node.ToJsonString();
    }

    private static string Id(string benchmark, int index) =>
        BenchmarkLoader.Load(benchmark, DataLocator.Resolve(SharedFixtures.BenchmarksData), allowUnverified: false).Problems[index].Id;

    private static void WriteReplay(TempDirectory temp, string? skip)
    {
        string Boxed(string answer) => $"The answer is $\\boxed{{{answer}}}$.";
        var lines = new List<string>();
        foreach (var benchmark in new[] { "gsm8k", "cmath" })
        {
            var problems = BenchmarkLoader.Load(benchmark, DataLocator.Resolve(SharedFixtures.BenchmarksData), allowUnverified: false).Problems;
            for (var i = 0; i < 5; i++)
            {
                if (problems[i].Id == skip) continue;
                // problem i: sample 0 right when i is even, sample 1 right when i % 3 == 0
                var first = i % 2 == 0 ? problems[i].Reference : "-1";
                var second = i % 3 == 0 ? problems[i].Reference : "-2";
                lines.Add(JsonSerializer.Serialize(new { id = problems[i].Id, completions = new[] { Boxed(first), Boxed(second) } }));
            }
        }
        File.WriteAllLines(temp.File("replay.jsonl"), lines);
    }

    private static string[] EvalArgs(string outDirectory) =>
        ["eval", "--model", "replay:replay.jsonl", "--benchmarks", "gsm8k,cmath", "--prompt", "cot", "--sandbox", "none", "--limit", "5",
         "--n", "2", "--temperature", "0.7", "--data", SharedFixtures.BenchmarksData, "--out", outDirectory, "--label", "ckpt-7", "--step", "7000"];

    private static async Task EvalAsync(TempDirectory temp, string outDirectory, int expectedExit, params string[] extra)
    {
        var outcome = await Siam.RunAsync(temp.Path, [.. EvalArgs(outDirectory), .. extra]);
        Assert.That(outcome.ExitCode, Is.EqualTo(expectedExit), outcome.Stdout + outcome.Stderr);
    }
}
