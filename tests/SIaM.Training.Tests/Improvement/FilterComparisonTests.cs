using SIaM.Core.Sandbox;
using SIaM.Core.SelfImprovement;
using SIaM.SelfImprovement;
using SIaM.Testing;

namespace SIaM.Training.Tests.Improvement;

public sealed class FilterComparisonTests
{
    [Test]
    public void Counts_each_filters_data_against_the_truth_and_its_agreement_with_the_rule_filter()
    {
        // Arrange: six samples of two questions; rule, critic and truth disagree in known ways
        using var temp = new TempDirectory();
        var iteration = Directory.CreateDirectory(temp.File("iter-1")).FullName;
        (string Q, int I, string? Program, string Output, bool Rule, bool Critic)[] rows =
        [
            ("q1", 0, "print(12)", "12", true, true),
            ("q1", 1, "print('12 apples')", "12 apples", false, true),
            ("q1", 2, "print(13)", "13", false, false),
            ("q2", 0, "print(5)", "5", true, false),
            ("q2", 1, "print(7)", "7", false, true),
            ("q2", 2, null, "", false, false),
        ];
        JsonLines.Write(
            Path.Combine(iteration, "samples.jsonl"),
            rows.Select(r => new LoopSample(r.Q, r.I, r.Program is null ? "I do not know" : $"```python\n{r.Program}\n```", 5, "stop")));
        JsonLines.Write(Path.Combine(iteration, "verdicts.jsonl"), rows.Select(r => new LoopVerdict(
            r.Q,
            r.I,
            r.Program,
            r.Program is null ? null : ExecStatus.Ok,
            r.Output,
            new Dictionary<string, bool> { ["rule"] = r.Rule, ["critic"] = r.Critic })));
        LoopQuestion[] pool = [new("q1", "How many apples?", "12"), new("q2", "How many pears?", "5")];

        // Act
        var result = FilterComparison.Compute(temp.Path, 1, pool, new SelectionLimits(), DemoTruth.Correct);

        // Assert
        Assert.That(
            result.Select(r => (r.Filter, r.Judged, r.TrulyCorrect, r.Accepted, r.AcceptedCorrect, r.SftTargets, r.SftCorrect, r.Pairs)),
            Is.EqualTo(new[]
            {
                ("rule", 5, 3, 2, 2, 2, 2, 4),
                ("critic", 5, 3, 3, 2, 3, 2, 3),
                ("truth", 5, 3, 3, 3, 3, 3, 3),
            }));
        Assert.That(
            result.Select(r => (r.Precision, r.Recall)),
            Is.EqualTo(new (double?, double?)[] { (1.0, 2 / 3.0), (2 / 3.0, 2 / 3.0), (1.0, 1.0) }).Within(1e-12));
        Assert.That(result.Select(r => r.Agreement), Is.EqualTo(new[] { 1.0, 0.5, 5 / 6.0 }).Within(1e-12));
        Assert.That(result.Select(r => r.Kappa), Is.EqualTo(new double?[] { 1.0, 0.0, 2 / 3.0 }).Within(1e-12));
        Assert.That(FilterComparison.Render(result), Does.Contain("| 1 | critic | 5 | 3 | 3 | 2 | 66.7% | 66.7% | 50.0% | 0.000 | 3 | 2 | 3 |"));
    }
}
