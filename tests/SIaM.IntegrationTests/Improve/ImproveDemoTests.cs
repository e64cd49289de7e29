using System.Text.Json.Nodes;
using SIaM.IntegrationTests.Faults;

namespace SIaM.IntegrationTests.Improve;

/// <summary>
/// <c>siam improve --demo --demo-size ci</c> end to end on the real Docker sandbox: one iteration of the loop on the
/// CI-sized synthetic fixture must raise in-domain accuracy, and every stage file must be well-formed and agree with
/// counts.json and iterations.json.
/// </summary>
[Category("Docker"), Category("Training")]
public sealed class ImproveDemoTests
{
    /// <summary>
    /// Minimum rise of pooled in-domain accuracy (en-id + zh-id, 180 questions) from iteration 0 to 1, in percentage
    /// points. Derived 2026-12-01 from these CI sizes, one iteration, seeds 0–4 of the earlier fixture: rises of +7.8,
    /// +7.2, +6.7, +10.0, +7.2 (mean 7.8, sd 1.3), margin mean − 3 sd ≈ 3.9, rounded to 4. Re-measured after prices were
    /// worded by the box (a new fixture): +8.9, +2.2, +6.7, +7.2, +11.1 (mean 7.2, sd 3.3); mean − 3 sd is now −2.6,
    /// which would test nothing, so the margin stays at 4. CI runs seed 0 (+8.9), which is deterministic.
    /// </summary>
    private const double MarginPoints = 4.0;

    [Test]
    public async Task One_iteration_on_the_ci_fixture_beats_the_weak_policy_in_domain_and_writes_well_formed_stage_files()
    {
        // Arrange
        DockerGate.Require();
        using var temp = new TempDirectory();
        var run = temp.File("run");

        // Act
        var outcome = await Siam.RunAsync(TimeSpan.FromMinutes(15), temp.Path, "improve", "--demo", "--demo-size", "ci", "--iterations", "1", "--out", run);

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        var rows = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "iterations.json")))!.AsArray();
        Assert.That(rows, Has.Count.EqualTo(2));
        var (before, after) = (InDomain(rows[0]!), InDomain(rows[1]!));
        Assert.That(100 * (after - before), Is.GreaterThanOrEqualTo(MarginPoints), $"in-domain accuracy {before:P1} → {after:P1}\n{outcome.Stdout}");
        AssertStageFiles(Path.Combine(run, "iter-1"), rows[1]!);
        AssertEvalFile(Path.Combine(run, "iter-0"), rows[0]!);
        Assert.That(File.Exists(Path.Combine(run, "iter-1", "checkpoint", "model.safetensors")), Is.True);
        Assert.That(File.Exists(Path.Combine(run, "iterations.png")), Is.True);
        Assert.That(outcome.Stdout, Does.Contain("| iter |").And.Contain("| suite | family |").And.Contain("start on the new families"));
        AssertStart(run, rows, outcome);
    }

    [Test]
    public async Task A_preference_run_whose_samples_give_no_pairs_stops_at_the_pairs_stage_with_exit_2_and_writes_no_checkpoint()
    {
        // Arrange: a random tiny model writes no program, so no sample is accepted and no pair can be built
        DockerGate.Require();
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("q.jsonl"), """{"id": "q1", "question": "Tom has 3 apples and gets 4 more. How many apples does Tom have now?", "answer": "7"}""" + "\n");
        var run = temp.File("run");

        // Act
        var outcome = await Siam.RunAsync(TimeSpan.FromMinutes(4), temp.Path, "improve", "--policy", "hf:" + SharedFixtures.TinyLlama,
            "--questions", temp.File("q.jsonl"), "--eval", "en-id=" + temp.File("q.jsonl"), "--algo", "dpo", "--k", "2", "--iterations", "1", "--out", run);

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.Stderr);
        Assert.That(outcome.Stderr, Does.Contain("iteration 1, stage pairs.jsonl: the preference set has no pairs").And.Contain("0 had an accepted sample"));
        Assert.That(Directory.Exists(Path.Combine(run, "iter-1", "checkpoint")), Is.False);
        Assert.That(File.Exists(Path.Combine(run, "iter-1", "pairs.jsonl")), Is.False);
        RunFiles.AssertNoStackTrace(outcome);
    }

    /// <summary>
    /// Iteration 1 carries the start on each new family (greedy at iteration 0, pool questions solved by k samples in
    /// iteration 1), equal to what the stage files show, with a warning on the console for each that starts at zero.
    /// </summary>
    private static void AssertStart(string run, JsonArray rows, ProcessOutcome outcome)
    {
        static (string Family, string Language) FamilyOf(string id)
        {
            var parts = id[(id.IndexOf('/') + 1)..].Split('-');
            return (parts[0], parts[1]);
        }
        var greedy = Lines(Path.Combine(run, "iter-0", "eval-samples.jsonl")).GroupBy(r => FamilyOf((string)r["question_id"]!))
            .ToDictionary(g => g.Key, g => (N: g.Count(), Correct: g.Count(r => (bool)r["correct"]!)));
        var pool = Lines(Path.Combine(run, "iter-1", "verdicts.jsonl")).GroupBy(v => FamilyOf((string)v["question_id"]!))
            .ToDictionary(g => g.Key, g => (N: g.Select(v => (string)v["question_id"]!).Distinct().Count(),
                Solved: g.Where(v => (bool)v["accepted"]!["rule"]!).Select(v => (string)v["question_id"]!).Distinct().Count()));
        var start = rows[1]!["start"]!.AsArray();
        Assert.That(start.Select(s => ((string)s!["family"]!, (string)s["language"]!)), Is.EquivalentTo(
            new[] { "price", "compare", "convert" }.SelectMany(f => new[] { (f, "en"), (f, "zh") })), "one start per new family and language");
        Assert.That(rows[0]!["start"], Is.Null);
        Assert.Multiple(() =>
        {
            foreach (var s in start)
            {
                var key = ((string)s!["family"]!, (string)s["language"]!);
                Assert.That(((int)s["greedy_correct"]!, (int)s["greedy_n"]!), Is.EqualTo((greedy[key].Correct, greedy[key].N)), $"{key} greedy");
                Assert.That(((int)s["pool_solved"]!, (int)s["pool_questions"]!), Is.EqualTo((pool[key].Solved, pool[key].N)), $"{key} pool");
                var warning = $"WARNING: new family '{key.Item1}' ({key.Item2}) starts at zero";
                Assert.That(outcome.Stderr.Contains(warning, StringComparison.Ordinal), Is.EqualTo((bool)s["at_zero"]!), warning);
            }
        });
    }

    private static double InDomain(JsonNode row)
    {
        var suites = new[] { "en-id", "zh-id" }.Select(s => row["accuracy"]![s]!).ToList();
        return suites.Sum(s => s["correct"]!.GetValue<int>()) / (double)suites.Sum(s => s["n"]!.GetValue<int>());
    }

    private static List<JsonObject> Lines(string path) =>
        File.ReadLines(path).Select((line, i) => JsonNode.Parse(line) as JsonObject ?? throw new AssertionException($"{path}:{i + 1}: not a JSON object")).ToList();

    private static void AssertStageFiles(string iteration, JsonNode row)
    {
        var counts = JsonNode.Parse(File.ReadAllText(Path.Combine(iteration, "counts.json")))!;
        int Count(string name) => counts[name]!.GetValue<int>();
        var samples = Lines(Path.Combine(iteration, "samples.jsonl"));
        var verdicts = Lines(Path.Combine(iteration, "verdicts.jsonl"));
        var sft = Lines(Path.Combine(iteration, "sft.jsonl"));
        var pairs = Lines(Path.Combine(iteration, "pairs.jsonl"));
        var log = Lines(Path.Combine(iteration, "train-log.jsonl"));
        var k = JsonNode.Parse(File.ReadAllText(Path.Combine(iteration, "..", "run.json")))!["k"]!.GetValue<int>();
        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.DeepEquals(counts, row["counts"]), Is.True, "iterations.json carries counts.json");
            Assert.That(samples, Has.Count.EqualTo(Count("samples")).And.Count.EqualTo(Count("questions") * k));
            Assert.That(verdicts.Select(v => (string)v["question_id"]!), Is.EqualTo(samples.Select(s => (string)s["question_id"]!)));
            Assert.That(verdicts.Count(v => v["program"] is not null), Is.EqualTo(Count("with_program")));
            Assert.That(verdicts.Count(v => (string?)v["status"] == "ok"), Is.EqualTo(Count("ran_ok")));
            Assert.That(verdicts.Count(v => (bool)v["accepted"]!["rule"]!), Is.EqualTo(counts["accepted"]!["rule"]!.GetValue<int>()));
            Assert.That(sft, Has.Count.EqualTo(Count("sft")).And.Count.GreaterThan(0));
            Assert.That(pairs, Has.Count.EqualTo(Count("pairs")));
            Assert.That(log, Has.Count.EqualTo(row["train_steps"]!.GetValue<int>()));
            Assert.That(samples.Select(s => (string)s["question_id"]!).Distinct().Count(), Is.EqualTo(Count("questions")));
        });
        AssertEvalFile(iteration, row);
    }

    private static void AssertEvalFile(string iteration, JsonNode row)
    {
        var records = Lines(Path.Combine(iteration, "eval-samples.jsonl"));
        foreach (var (suite, score) in row["accuracy"]!.AsObject())
        {
            var mine = records.Where(r => (string)r["suite"]! == suite).ToList();
            Assert.That(mine, Has.Count.EqualTo(score!["n"]!.GetValue<int>()), suite);
            Assert.That(mine.Count(r => (bool)r["correct"]!), Is.EqualTo(score["correct"]!.GetValue<int>()), suite);
        }
    }
}
