using System.Diagnostics;
using SIaM.Core.Benchmarks;

namespace SIaM.Grading.Tests;

public sealed class MathEquivalenceCheckerTests
{
    [Test]
    public void Tolerance_is_configurable()
    {
        // Arrange
        var strict = new MathEquivalenceChecker(new GradingOptions { RelativeTolerance = 1e-9 });
        var loose = new MathEquivalenceChecker(new GradingOptions { RelativeTolerance = 1e-2 });

        // Act
        var strictVerdict = strict.Compare("0.33333", "1/3", AnswerKind.Number);
        var looseVerdict = loose.Compare("0.333", "1/3", AnswerKind.Number);

        // Assert
        Assert.That(strictVerdict.Equivalent, Is.False);
        Assert.That(looseVerdict.Equivalent, Is.True);
        Assert.That(looseVerdict.Path, Is.EqualTo("numeric"));
    }

    [TestCase(PercentVariantMode.Off, "50", "50%", false)]
    [TestCase(PercentVariantMode.WhenPercentSign, "50", "50%", true)]
    [TestCase(PercentVariantMode.WhenPercentSign, "500", "5", false)]
    [TestCase(PercentVariantMode.Always, "500", "5", true)]
    [TestCase(PercentVariantMode.Always, "0.05", "5", true)]
    public void Percent_variants_follow_the_mode(PercentVariantMode mode, string prediction, string reference, bool expected)
    {
        // Arrange
        var checker = new MathEquivalenceChecker(new GradingOptions { PercentVariants = mode });

        // Act
        var verdict = checker.Compare(prediction, reference, AnswerKind.Number);

        // Assert
        Assert.That(verdict.Equivalent, Is.EqualTo(expected), verdict.Path);
        if (expected && prediction != reference) Assert.That(verdict.Path, Is.EqualTo("percent-variant"));
    }

    [Test]
    public void Same_inputs_give_identical_verdicts_across_checkers()
    {
        // Arrange
        var rows = CaseTables.AllEquivalence();
        var first = new MathEquivalenceChecker();
        var second = new MathEquivalenceChecker();

        // Act
        var a = rows.Select(r => first.Compare(r.Prediction, r.Reference, r.AnswerKind, r.Choices)).ToList();
        var b = rows.Select(r => second.Compare(r.Prediction, r.Reference, r.AnswerKind, r.Choices)).ToList();

        // Assert
        Assert.That(b, Is.EqualTo(a));
    }

    [TestCase(@"2^{2^{2^{2^{2^{2^{2}}}}}}")]
    [TestCase(@"10^{10^{10^{10}}}")]
    [TestCase(@"(10^{6})!")]
    [TestCase(@"\sqrt{\sqrt{\sqrt{\sqrt{\sqrt{\sqrt{\sqrt{\sqrt{2}}}}}}}}")]
    [TestCase(@"\frac{\frac{\frac{\frac{\frac{\frac{1}{2}}{3}}{4}}{5}}{6}}{7}")]
    public void Pathological_expressions_are_decided_quickly(string prediction)
    {
        // Arrange
        var checker = new MathEquivalenceChecker();
        var watch = Stopwatch.StartNew();

        // Act
        var verdict = checker.Compare(prediction, "x+1", AnswerKind.Expression);

        // Assert
        Assert.That(verdict.Equivalent, Is.False);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), verdict.Path);
    }

    [Test]
    public void Huge_inputs_are_capped_and_decided_quickly()
    {
        // Arrange
        var checker = new MathEquivalenceChecker();
        var huge = string.Concat(Enumerable.Repeat(@"\frac{x+1}{(x-1)^{99}}+", 20_000)) + "1";
        var watch = Stopwatch.StartNew();

        // Act
        var verdict = checker.Compare(huge, huge + "+1", AnswerKind.Expression);

        // Assert
        Assert.That(verdict.NormalizedPrediction!.Length, Is.LessThanOrEqualTo(GradingOptions.Default.MaxInputLength));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), verdict.Path);
    }

    [Test]
    public void Random_garbage_never_throws()
    {
        // Arrange
        var checker = new MathEquivalenceChecker();
        var random = new Random(7);
        const string alphabet = @"0123456789+-*/^()[]{}\,.;:=<>|!%$ xyzepi\frac\sqrt\left\right\pm\cup\text{}元个答案ＡＢ（）";

        // Act
        var verdicts = Enumerable.Range(0, 2000).Select(_ =>
        {
            var length = random.Next(0, 40);
            var chars = Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            var kind = (AnswerKind)random.Next(0, 5);
            return checker.Compare(new string(chars), "1/2", kind);
        }).ToList();

        // Assert
        Assert.That(verdicts.Where(v => v.Path.StartsWith("error", StringComparison.Ordinal)).Select(v => v.NormalizedPrediction), Is.Empty);
    }

    [Test]
    public void Compare_with_a_problem_uses_its_reference_kind_and_choices()
    {
        // Arrange
        var problem = new Problem("aqua", 0, "q", "B", AnswerKind.Choice, new Dictionary<string, string> { ["A"] = "12", ["B"] = "15" });
        var checker = new MathEquivalenceChecker();

        // Act
        var byText = checker.Compare("15", problem);
        var byLetter = checker.Compare("(B)", problem);

        // Assert
        Assert.That((byText.Equivalent, byLetter.Equivalent), Is.EqualTo((true, true)));
        Assert.That(byText.Path, Does.StartWith("choice-text"));
    }
}
