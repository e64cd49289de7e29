using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Evaluation;
using SIaM.Evaluation.Fingerprints;
using SIaM.Grading;

namespace SIaM.Tests.Evaluation;

public sealed class GradingModeRunTests
{
    private static readonly LoadedBenchmark Toy = new(
        new BenchmarkInfo("toy", 1, Language.En, AnswerKind.Expression),
        [new Problem("toy", 0, "The line meets the curve where $x = 2$. Find $y$.", "3", AnswerKind.Expression)],
        "0000", true);

    private static RunSpec Spec(GradingMode mode) => new(
        "scripted:", ["toy"], PromptStyle.Cot, 0, 1, null, GenerationConfig.Greedy, 0, "none", 1e-4, Grading: mode);

    private static RunIdentity Identity(RunSpec spec) =>
        RunIdentityBuilder.Build(spec, [Toy], GraderVersion.Current, ModelFingerprint.SpecOnly("scripted:"), new SandboxFingerprint("none", null));

    private sealed class Silent : IRunProgress
    {
        public void Start(int total, int alreadyDone) { }
        public void Advance(int count, int correct) { }
        public void Stop() { }
    }

    [Test]
    public void The_grading_mode_is_recorded_in_the_run_identity_and_changes_the_run_id()
    {
        // Arrange
        var lenient = Identity(Spec(GradingMode.Default));
        var strict = Identity(Spec(GradingMode.Strict));

        // Act
        var recorded = strict.Spec["grading"]!.GetValue<string>();

        // Assert
        Assert.That(recorded, Is.EqualTo("strict"));
        Assert.That(lenient.Spec["grading"]!.GetValue<string>(), Is.EqualTo("default"));
        Assert.That(strict.RunId, Is.Not.EqualTo(lenient.RunId));
        Assert.That(Spec(GradingMode.Strict).GradingOptions.Mode, Is.EqualTo(GradingMode.Strict));
    }

    [Test]
    public void A_run_json_without_a_grading_field_reads_as_default_grading()
    {
        // Arrange
        var json = Identity(Spec(GradingMode.Strict)).Spec;
        json.Remove("grading");

        // Act
        var spec = System.Text.Json.JsonSerializer.Deserialize<RunSpec>(json, JsonFormat.Document)!;

        // Assert
        Assert.That(spec.Grading, Is.EqualTo(GradingMode.Default));
    }

    [Test]
    public async Task The_solver_hands_the_question_to_the_extractor_so_the_asked_variable_is_taken_from_a_labelled_list()
    {
        // Arrange: the model states both coordinates; the question asks for y
        using var temp = new TempDirectory();
        var backend = new ScriptedBackend(_ => "Substituting, we get $x = 2$ and $y = 3$.");
        var inputs = new EvalInputs([Toy], new Dictionary<string, IReadOnlyList<string>>(), backend, null,
            new MathAnswerExtractor(), new MathEquivalenceChecker());

        // Act
        var results = await EvalRunner.RunAsync(Spec(GradingMode.Default), inputs, temp.Path, new EvalPerformance(1, 1), new Silent(), CancellationToken.None);

        // Assert
        var sample = RunLog.Read(temp.Path).Samples.Single();
        Assert.That(sample.Extracted, Is.EqualTo("y = 3"));
        Assert.That(results.Benchmarks["toy"].Correct, Is.EqualTo(1));
    }
}
