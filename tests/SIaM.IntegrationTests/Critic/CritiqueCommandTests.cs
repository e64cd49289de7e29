using System.Text.Json.Nodes;
using SIaM.Data;
using SIaM.Grading;

namespace SIaM.IntegrationTests.Critic;

/// <summary>`siam eval --critic … --scoring cascade` and `siam critique` on real data, with a replay critic.</summary>
public sealed class CritiqueCommandTests
{
    private const int Limit = 2818; // all of college_math: since the grader reads most sentence references, only the whole set holds ungradable rule positives

    private static IReadOnlyList<SIaM.Core.Benchmarks.Problem> CollegeMath() =>
        BenchmarkLoader.Load("college_math", DataLocator.Resolve(SharedFixtures.BenchmarksData), allowUnverified: false).Problems.Take(Limit).ToList();

    private static bool Ungradable(SIaM.Core.Benchmarks.Problem p) => !ReferenceParser.Parse(p.Reference, p.AnswerKind).Parsed;

    /// <summary>Even and ungradable problems answered with the reference itself, the others with a wrong number; the critic says YES to all.</summary>
    private static (string Completions, string Critic) Recordings(TempDirectory temp)
    {
        var problems = CollegeMath();
        File.WriteAllLines(temp.File("completions.jsonl"), problems.Select(p => new JsonObject
        {
            ["id"] = p.Id, ["completion"] = p.Index % 2 == 0 || Ungradable(p) ? $"The answer is \\boxed{{{p.Reference}}}." : "The answer is \\boxed{123457}.",
        }.ToJsonString()));
        File.WriteAllLines(temp.File("critic.jsonl"), problems.Select(p => new JsonObject { ["id"] = p.Id, ["sample"] = 0, ["p_yes"] = 0.75 }.ToJsonString()));
        return (temp.File("completions.jsonl"), temp.File("critic.jsonl"));
    }

    private static string[] Eval(string completions, string outDir) =>
        ["eval", "--model", $"replay:{completions}", "--benchmarks", "college_math", "--limit", $"{Limit}", "--prompt", "cot",
         "--sandbox", "none", "--data", SharedFixtures.BenchmarksData, "--out", outDir];

    private static List<JsonNode> Lines(string path) => File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!).ToList();

    [Test]
    public async Task Cascade_on_college_math_asks_the_critic_exactly_about_rule_negatives_and_ungradable_samples()
    {
        // Arrange
        using var temp = new TempDirectory();
        var (completions, critic) = Recordings(temp);
        var ungradable = CollegeMath().Where(Ungradable).Select(p => p.Id).ToHashSet();

        // Act
        var outcome = await Siam.RunAsync(temp.Path, [.. Eval(completions, temp.File("run")), "--critic", $"replay:{critic}", "--scoring", "cascade"]);

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        var samples = Lines(Path.Combine(temp.File("run"), "samples.jsonl"));
        var expected = samples.Where(s => s["correct"]!.GetValue<bool>() == false || ungradable.Contains(s["id"]!.GetValue<string>()))
            .Select(s => s["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        var directory = Directory.GetDirectories(Path.Combine(temp.File("run"), "critique")).Single();
        var asked = Lines(Path.Combine(directory, "verdicts.jsonl")).Select(v => v["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.That(ungradable, Is.Not.Empty, "college_math has sentence references the rule grader cannot parse");
        Assert.That(
            samples.Any(s => s["correct"]!.GetValue<bool>() && ungradable.Contains(s["id"]!.GetValue<string>())),
            "an ungradable rule positive is asked too");
        Assert.That(asked, Is.EqualTo(expected));
        Assert.That(asked, Has.Count.LessThan(Limit), "gradable rule positives are accepted without asking");
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "results-cascade.json")))!;
        Assert.That(results["overall"]!["graded"]!.GetValue<int>(), Is.EqualTo(Limit));
        Assert.That(outcome.Stdout, Does.Contain("| college_math |").And.Contain("R-C+"));
    }

    [Test]
    public async Task Siam_critique_adds_verdicts_to_an_existing_run_and_resumes_without_asking_again()
    {
        // Arrange
        using var temp = new TempDirectory();
        var (completions, critic) = Recordings(temp);
        var eval = await Siam.RunAsync(temp.Path, Eval(completions, temp.File("run")));
        var samplesBefore = File.ReadAllText(Path.Combine(temp.File("run"), "samples.jsonl"));

        // Act
        var first = await Siam.RunAsync(temp.Path, "critique", temp.File("run"), "--critic", $"replay:{critic}", "--data", SharedFixtures.BenchmarksData);
        var second = await Siam.RunAsync(temp.Path, "critique", temp.File("run"), "--critic", $"replay:{critic}", "--data", SharedFixtures.BenchmarksData);

        // Assert
        Assert.That((eval.ExitCode, first.ExitCode, second.ExitCode), Is.EqualTo((0, 0, 0)), first.Stderr + second.Stderr);
        Assert.That(first.Stdout, Does.Contain($"asked {Limit}"));
        Assert.That(second.Stdout, Does.Contain("asked 0"));
        Assert.That(File.ReadAllText(Path.Combine(temp.File("run"), "samples.jsonl")), Is.EqualTo(samplesBefore));
    }

    [Test]
    public async Task A_critic_spec_that_cannot_score_is_refused_with_exit_code_2()
    {
        // Arrange
        using var temp = new TempDirectory();
        var (completions, _) = Recordings(temp);
        await Siam.RunAsync(temp.Path, Eval(completions, temp.File("run")));

        // Act
        var outcome = await Siam.RunAsync(
            temp.Path,
            "critique", temp.File("run"),
            "--critic", $"replay:{completions}-nope",
            "--data", SharedFixtures.BenchmarksData);
        var oracle = await Siam.RunAsync(temp.Path, "critique", temp.File("run"), "--critic", "oracle:", "--data", SharedFixtures.BenchmarksData);

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Stderr, Does.Contain("no such critic recording"));
        Assert.That(oracle.ExitCode, Is.EqualTo(2));
        Assert.That(oracle.Stderr, Does.Contain("cannot score token probabilities").And.Contain("--critic-mode text"));
    }
}
