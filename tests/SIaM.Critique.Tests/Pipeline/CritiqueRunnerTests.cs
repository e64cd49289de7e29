using SIaM.Core;
using SIaM.Core.Runs;
using SIaM.Critique.Critics;
using SIaM.Critique.Pipeline;
using SIaM.Critique.Statistics;
using SIaM.Critique.Tests.Support;
using SIaM.Testing;
using static SIaM.Critique.Tests.Support.RunFixture;

namespace SIaM.Critique.Tests.Pipeline;

public sealed class CritiqueRunnerTests
{
    private static readonly Sample[] Samples =
    [
        new("a/0", true), new("a/1", true), new("a/2", false), new("a/3", false),
        new("a/4", true, Gradable: false), new("a/5", false, Gradable: false), new("a/6", null),
        new("b/0", false), new("b/1", false, Completion: ""), new("b/2", true),
    ];

    private static readonly Dictionary<string, double> PYes = new()
    {
        ["a/0"] = 0.9, ["a/1"] = 0.2, ["a/2"] = 0.8, ["a/3"] = 0.1, ["a/4"] = 0.3, ["a/5"] = 0.7, ["a/6"] = 0.9,
        ["b/1"] = 0.9, ["b/2"] = 0.6,
    };

    private static readonly Dictionary<string, IReadOnlyList<string>> Suites = new() { ["all"] = ["a", "b"], ["only-a"] = ["a"] };

    private TempDirectory _temp = null!;
    private RunLog _run = null!;
    private ReplayCritic _critic = null!;

    [SetUp]
    public void Arrange()
    {
        _temp = new TempDirectory();
        _run = RunFixture.Write(_temp.File("run"), Samples);
        _critic = ReplayCritic.Load(Recording(_temp.File("critic.jsonl"), PYes, new Dictionary<string, string> { ["b/0"] = "I cannot tell" }));
    }

    [TearDown]
    public void Clean() => _temp.Dispose();

    private Task<CritiqueResults> Run(ScoringMode mode, ReplayCritic? critic = null) =>
        CritiqueRunner.RunAsync(RunLog.Read(_run.Path),
            new CritiqueInputs(critic ?? _critic, mode, Problems(Samples), Suites, BatchSize: 3, Concurrency: 2), null, CancellationToken.None);

    private IEnumerable<string> Asked(ReplayCritic? critic = null) => (critic ?? _critic).Asked.Select(k => k.Id).Order(StringComparer.Ordinal);

    [Test]
    public async Task Rule_mode_asks_nothing_and_scores_the_rule_verdicts()
    {
        // Act
        var results = await Run(ScoringMode.Rule);

        // Assert
        Assert.That(_critic.Asked, Is.Empty);
        Assert.That((results.Overall.Graded, results.Overall.RuleCorrect, results.Overall.CombinedCorrect), Is.EqualTo((9, 4, 4)));
    }

    [Test]
    public async Task Critic_mode_asks_every_valid_graded_sample_and_scores_critic_yes()
    {
        // Act
        var results = await Run(ScoringMode.Critic);

        // Assert
        Assert.That(Asked(), Is.EqualTo(new[] { "a/0", "a/1", "a/2", "a/3", "a/4", "a/5", "b/0", "b/2" }));
        Assert.That(results.Overall.CombinedCorrect, Is.EqualTo(4), "a/0, a/2, a/5, b/2");
        Assert.That((results.Overall.Invalid, results.Overall.Unparseable), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task Cascade_asks_exactly_the_rule_negatives_and_the_ungradable_samples()
    {
        // Act
        var results = await Run(ScoringMode.Cascade);

        // Assert: b/1 is a rule negative too, but empty: invalid by rule, never asked
        Assert.That(Asked(), Is.EqualTo(new[] { "a/2", "a/3", "a/4", "a/5", "b/0" }));
        Assert.That(results.Overall.CombinedCorrect, Is.EqualTo(5),
            "gradable rule positives a/0 a/1 b/2, critic catches a/2 a/5; a/4 is ungradable and the critic says NO");
        Assert.That(results.Overall.CombinedAccuracy, Is.EqualTo(5 / 9.0).Within(1e-12));
        Assert.That(results.Overall.RuleAccuracy, Is.EqualTo(4 / 9.0).Within(1e-12));
    }

    [Test]
    public async Task Both_asks_everything_and_reports_the_matrix_kappa_and_disagreements_per_benchmark_and_suite()
    {
        // Act
        var results = await Run(ScoringMode.Both);

        // Assert: overall yy a/0 b/2, yn a/1 a/4, ny a/2 a/5, nn a/3 → pₒ 3/7, pₑ 25/49, κ = −1/6
        var overall = results.Overall;
        Assert.That(overall.Matrix, Is.EqualTo(new AgreementMatrix(2, 2, 2, 1)));
        Assert.That(overall.Kappa, Is.EqualTo(-1 / 6.0).Within(1e-12));
        Assert.That((overall.Judged, overall.CriticYes, overall.CriticNo), Is.EqualTo((9, 4, 3)));
        Assert.That(overall.CriticAccuracy, Is.EqualTo(4 / 9.0).Within(1e-12));
        Assert.That(overall.CombinedCorrect, Is.EqualTo(5));
        // benchmark a: yy 1, yn 2, ny 2, nn 1 → pₒ 1/3, pₑ 1/2, κ = −1/3
        Assert.That(results.Benchmarks["a"].Matrix, Is.EqualTo(new AgreementMatrix(1, 2, 2, 1)));
        Assert.That(results.Benchmarks["a"].Kappa, Is.EqualTo(-1 / 3.0).Within(1e-12));
        Assert.That(results.Suites.Keys, Is.EqualTo(new[] { "all", "only-a" }));
        Assert.That(results.Suites["only-a"], Is.EqualTo(results.Benchmarks["a"]));
        Assert.That(results.Suites["all"].Matrix, Is.EqualTo(overall.Matrix));
        var directory = CritiqueRunner.DirectoryOf(_run.Path, _critic);
        var disagreements = File.ReadAllLines(Path.Combine(directory, "disagreements.jsonl"));
        Assert.That(disagreements.Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!["id"]!.GetValue<string>()),
            Is.EqualTo(new[] { "a/1", "a/2", "a/4", "a/5" }));
        Assert.That(File.Exists(Path.Combine(directory, "results-both.json")));
    }

    [Test]
    public async Task A_second_pass_asks_only_what_is_not_judged_yet_and_never_rewrites_the_samples()
    {
        // Arrange
        var samplesBefore = File.ReadAllBytes(Path.Combine(_run.Path, RunDirectory.SamplesFile));
        await Run(ScoringMode.Cascade);
        var second = ReplayCritic.Load(_temp.File("critic.jsonl"));
        var third = ReplayCritic.Load(_temp.File("critic.jsonl"));

        // Act
        var both = await Run(ScoringMode.Both, second);
        await Run(ScoringMode.Both, third);

        // Assert
        Assert.That(Asked(second), Is.EqualTo(new[] { "a/0", "a/1", "b/2" }));
        Assert.That(third.Asked, Is.Empty);
        Assert.That(both.Overall.Matrix.N, Is.EqualTo(7));
        Assert.That(File.ReadAllBytes(Path.Combine(_run.Path, RunDirectory.SamplesFile)), Is.EqualTo(samplesBefore));
        var verdicts = VerdictsFile.Read(Path.Combine(CritiqueRunner.DirectoryOf(_run.Path, _critic), "verdicts.jsonl"));
        Assert.That(verdicts[("a/1", 0)].RuleCorrect, Is.True, "the rule verdict is kept beside the critic's");
        Assert.That(verdicts[("a/1", 0)].Verdict, Is.EqualTo(CriticOutcome.No));
        Assert.That(verdicts[("a/1", 0)].PYes, Is.EqualTo(0.2));
        Assert.That(verdicts[("b/0", 0)].Raw, Is.EqualTo("I cannot tell"));
    }

    [Test]
    public async Task A_changed_threshold_is_another_critic_with_its_own_verdicts()
    {
        // Arrange
        var strict = ReplayCritic.Load(_temp.File("critic.jsonl"), threshold: 0.85);

        // Act
        await Run(ScoringMode.Both);
        var results = await Run(ScoringMode.Both, strict);

        // Assert
        Assert.That(CritiqueRunner.DirectoryOf(_run.Path, strict), Is.Not.EqualTo(CritiqueRunner.DirectoryOf(_run.Path, _critic)));
        Assert.That(strict.Asked, Has.Count.EqualTo(8));
        Assert.That(results.Overall.CriticYes, Is.EqualTo(1), "only a/0 (0.9) passes 0.85");
    }

    [Test]
    public async Task A_run_directory_of_another_schema_is_refused_clearly()
    {
        // Arrange: a newer schema is refused by the run reader, one the critique cannot place by the critique pass
        var newer = _temp.File("newer");
        var older = RunFixture.Write(_temp.File("older"), Samples);
        RunFixture.Write(newer, Samples);
        File.WriteAllText(Path.Combine(newer, RunDirectory.IdentityFile), """{"schema_version": 99}""");
        var zero = older with { Identity = new System.Text.Json.Nodes.JsonObject { ["schema_version"] = 0 } };

        // Act
        var newerError = Assert.Throws<InputException>(() => RunLog.Read(newer));
        var zeroError = await Assert.ThrowsAsync<InputException>(() =>
            CritiqueRunner.RunAsync(zero, new CritiqueInputs(_critic, ScoringMode.Both, Problems(Samples), Suites), null, CancellationToken.None));

        // Assert
        Assert.That(newerError!.Message, Does.Contain("schema_version 99"));
        Assert.That(zeroError!.Message, Does.Contain("schema_version 0"));
    }
}
