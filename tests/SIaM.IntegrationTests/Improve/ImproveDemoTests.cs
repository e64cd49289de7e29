using System.Text.Json.Nodes;
using SIaM.IntegrationTests.Faults;

namespace SIaM.IntegrationTests.Improve;

/// <summary>
/// <c>siam improve --demo --demo-size ci</c> end to end on the real Docker sandbox: one iteration of the loop on the
/// CI-sized synthetic fixture must beat its control arm by the margin (see MarginDerivation), every stage file must be
/// well-formed and agree with counts.json and iterations.json, and the samples and evaluations are standard runs that
/// report and compare read.
/// </summary>
[Category("Docker"), Category("Training")]
public sealed class ImproveDemoTests
{
    [Test]
    public async Task One_iteration_on_the_ci_fixture_beats_its_control_by_the_margin_on_the_seed_and_answer_only_tiers_and_writes_standard_runs()
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
        // Minimum gain of the loop over its control arm (k = 0: the seed programs replayed alone, same steps), in points,
        // paired per question and pooled over EN and ZH: mean − 2 sd over seeds 0–4, rounded down (MarginDerivation).
        foreach (var (tier, margin) in new[] { ("seed", MarginDerivation.SeedTier), ("answer-only", MarginDerivation.AnswerOnlyTier) })
            Assert.That(Gain(rows[1]!, run, tier), Is.GreaterThanOrEqualTo(margin), $"loop − control on the {tier} tier\n{outcome.Stdout}");
        AssertStageFiles(Path.Combine(run, "iter-1"), rows[1]!);
        AssertEvalFile(Path.Combine(run, "iter-0"), rows[0]!);
        Assert.That(File.Exists(Path.Combine(run, "iter-1", "checkpoint", "model.safetensors")), Is.True);
        Assert.That(File.Exists(Path.Combine(run, "iterations.png")), Is.True);
        Assert.That(outcome.Stdout, Does.Contain("| iter |").And.Contain("| suite | family |").And.Contain("start on the new families"));
        AssertStart(run, rows, outcome);
        await AssertReportAndCompareReadTheIterations(run, temp);
        await AssertNothingTrainedOnOverlapsAnEvaluationItem(run, temp, rows[1]!);
    }

    /// <summary>
    /// The SFT targets the loop kept, checked again by <c>siam contamination</c> against every evaluation suite: no
    /// overlap (exit 0); the refused ones are counted in counts.json and listed in contamination.json.
    /// </summary>
    private static async Task AssertNothingTrainedOnOverlapsAnEvaluationItem(string run, TempDirectory temp, JsonNode row)
    {
        var questions = Lines(Path.Combine(run, "questions", "pool.jsonl")).ToDictionary(q => (string)q["id"]!, q => (string)q["question"]!);
        var train = temp.File("trained.jsonl");
        File.WriteAllLines(train, Lines(Path.Combine(run, "iter-1", "sft.jsonl")).Select(t => new JsonObject
        {
            ["question"] = questions[(string)t["question_id"]!], ["completion"] = (string)t["completion"]!,
        }.ToJsonString()));
        var suites = string.Join(
            ",",
            Directory.GetFiles(Path.Combine(run, "questions"), "*.task.json")
                .Where(f => !f.EndsWith("pool.task.json", StringComparison.Ordinal))
                .Select(f => "file:" + f));
        var check = await Siam.RunAsync(TimeSpan.FromMinutes(2), temp.Path, "contamination", train, "--benchmarks", suites);
        Assert.That(check.ExitCode, Is.EqualTo(0), check.Stdout + check.Stderr);
        Assert.That(check.Stdout, Does.Contain("0 of "));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "iter-1", "contamination.json")))!;
        Assert.That((int)report["overlapping"]!, Is.EqualTo((int)row["counts"]!["refused"]!));
    }

    /// <summary>The loop's evaluations are standard runs: <c>siam report</c> draws the trend and <c>siam compare</c> pairs two iterations.</summary>
    private static async Task AssertReportAndCompareReadTheIterations(string run, TempDirectory temp)
    {
        var evals = new[] { 0, 1 }.SelectMany(i => Directory.GetDirectories(Path.Combine(run, $"iter-{i}", "eval")).Order(StringComparer.Ordinal)).ToArray();
        var report = await Siam.RunAsync(TimeSpan.FromMinutes(4), temp.Path, ["report", .. evals, "--out", temp.File("report")]);
        Assert.That(report.ExitCode, Is.EqualTo(0), report.Stderr);
        Assert.That(File.Exists(temp.File("report/report.md")), Is.True);
        var compare = await Siam.RunAsync(TimeSpan.FromMinutes(4), temp.Path, "compare", Path.Combine(run, "iter-0", "eval", "en-seed"),
            Path.Combine(run, "iter-1", "eval", "en-seed"), "--out", temp.File("compare"));
        Assert.That(compare.ExitCode, Is.AnyOf(0, 1), compare.Stderr);
        Assert.That(compare.Stdout + compare.Stderr, Does.Contain("McNemar").IgnoreCase);
    }

    [Test]
    public async Task A_preference_run_whose_samples_give_no_pairs_stops_at_the_pairs_stage_with_exit_2_and_writes_no_checkpoint()
    {
        // Arrange: a random tiny model writes no program, so no sample is accepted and no pair can be built
        DockerGate.Require();
        using var temp = new TempDirectory();
        File.WriteAllText(
            temp.File("q.jsonl"),
            """{"id": "q1", "question": "Tom has 3 apples and gets 4 more. How many apples does Tom have now?", "answer": "7"}""" + "\n");
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
        var greedy = EvalAnswers(run, 0).GroupBy(r => FamilyOf(r.QuestionId))
            .ToDictionary(g => g.Key, g => (N: g.Count(), Correct: g.Count(r => r.Correct)));
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

    /// <summary>
    /// The greedy answers of iteration <paramref name="i"/>, read from its standard eval runs; problem NAME/k is line k of
    /// questions/NAME.jsonl.
    /// </summary>
    private static List<(string Suite, string QuestionId, bool Correct)> EvalAnswers(string run, int i) =>
        Directory.GetDirectories(Path.Combine(run, $"iter-{i}", "eval")).SelectMany(d =>
        {
            var suite = Path.GetFileName(d);
            var ids = Lines(Path.Combine(run, "questions", suite + ".jsonl")).Select(q => (string)q["id"]!).ToList();
            return Lines(Path.Combine(d, "samples.jsonl")).Select(r => (suite, ids[(int)r["index"]!], (bool?)r["correct"] == true));
        }).ToList();

    /// <summary>
    /// Loop minus control in points on one tier, pooled over EN and ZH and paired per question, recomputed from the two
    /// arms' standard eval runs; iterations.json must carry the same counts.
    /// </summary>
    private static double Gain(JsonNode row, string run, string tier)
    {
        var (loopOnly, controlOnly, n) = (0, 0, 0);
        foreach (var suite in new[] { "en-" + tier, "zh-" + tier })
        {
            var loop = Correct(Path.Combine(run, "iter-1", "eval", suite));
            var control = Correct(Path.Combine(run, "control", "iter-1", "eval", suite));
            Assert.That(control.Keys, Is.EquivalentTo(loop.Keys), $"{suite}: both arms answer the same questions");
            var (c, b) = (loop.Count(q => q.Value && !control[q.Key]), loop.Count(q => !q.Value && control[q.Key]));
            var gain = row["gain"]![suite]!;
            Assert.That(((int)gain["loop_only"]!, (int)gain["control_only"]!, (int)gain["n"]!), Is.EqualTo((c, b, loop.Count)), suite);
            Assert.That((double)gain["p_value"]!, Is.InRange(0.0, 1.0), suite);
            (loopOnly, controlOnly, n) = (loopOnly + c, controlOnly + b, n + loop.Count);
        }
        return 100.0 * (loopOnly - controlOnly) / n;
    }

    private static Dictionary<int, bool> Correct(string evalRun) =>
        Lines(Path.Combine(evalRun, "samples.jsonl")).ToDictionary(r => (int)r["index"]!, r => (bool?)r["correct"] == true);

    private static List<JsonObject> Lines(string path) =>
        File.ReadLines(path)
            .Select((line, i) => JsonNode.Parse(line) as JsonObject ?? throw new AssertionException($"{path}:{i + 1}: not a JSON object"))
            .ToList();

    private static void AssertStageFiles(string iteration, JsonNode row)
    {
        var counts = JsonNode.Parse(File.ReadAllText(Path.Combine(iteration, "counts.json")))!;
        int Count(string name) => counts[name]!.GetValue<int>();
        var samples = Lines(Path.Combine(iteration, "samples.jsonl"));
        var run = Lines(Path.Combine(iteration, "samples", "samples.jsonl"));
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
            Assert.That(run, Has.Count.EqualTo(samples.Count), "the samples are a standard run");
            Assert.That(run.Count(r => (bool?)r["correct"] == true && r["code"] is not null), Is.EqualTo(counts["accepted"]!["rule"]!.GetValue<int>()),
                "the rule filter is the grader's verdict");
            Assert.That(sft, Has.Count.EqualTo(Count("sft")).And.Count.GreaterThan(0));
            Assert.That(pairs, Has.Count.EqualTo(Count("pairs")));
            Assert.That(log, Has.Count.EqualTo(row["train_steps"]!.GetValue<int>()));
            Assert.That(samples.Select(s => (string)s["question_id"]!).Distinct().Count(), Is.EqualTo(Count("questions")));
        });
        AssertEvalFile(iteration, row);
    }

    private static void AssertEvalFile(string iteration, JsonNode row)
    {
        foreach (var (suite, score) in row["accuracy"]!.AsObject())
        {
            var records = Lines(Path.Combine(iteration, "eval", suite, "samples.jsonl"));
            var results = JsonNode.Parse(File.ReadAllText(Path.Combine(iteration, "eval", suite, "results.json")))!;
            Assert.That(records, Has.Count.EqualTo(score!["n"]!.GetValue<int>()), suite);
            Assert.That(records.Count(r => (bool?)r["correct"] == true), Is.EqualTo(score["correct"]!.GetValue<int>()), suite);
            Assert.That((string?)results["status"], Is.EqualTo("complete"), suite);
        }
    }
}
