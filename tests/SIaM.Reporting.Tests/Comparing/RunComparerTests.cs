using SIaM.Core.Runs;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Comparing;

public sealed class RunComparerTests
{
    [Test]
    public void Pairs_only_samples_whose_prompt_and_reference_agree_and_lists_the_rest_with_a_reason()
    {
        var candidate = TestRuns.CandidateSamples();
        candidate[^2] = candidate[^2] with { Reference = "changed", ReferenceHash = "reference-changed" };

        var paired = SamplePairing.Pair(TestRuns.BaseSamples(), candidate);

        Assert.That(paired.Pairs, Has.Count.EqualTo(60 - 3));
        Assert.That(paired.NotComparable.Select(n => $"{n.Id}: {n.Reason}"), Is.EquivalentTo(new[]
        {
            "gsm8k-039: only in base", "cmath-019: prompt hash differs", "cmath-018: reference differs",
        }));
    }

    [Test]
    public void Counts_flips_per_benchmark_and_orders_them_worst_first()
    {
        using var temp = new TempDirectory();
        var baseRun = Named(temp, "base", TestRuns.BaseSamples());
        var candidate = Named(temp, "cand", TestRuns.CandidateSamples());

        var comparison = RunComparer.Compare(baseRun, candidate);

        var gsm8k = comparison.Benchmarks.Single(b => b.Name == "gsm8k");
        Assert.That((gsm8k.Pairs, gsm8k.CorrectToWrong, gsm8k.WrongToCorrect), Is.EqualTo((39, 8, 1)));
        Assert.That(gsm8k.BaseAccuracy, Is.EqualTo(30 / 39.0).Within(1e-12));
        Assert.That(gsm8k.CandidateAccuracy, Is.EqualTo(23 / 39.0).Within(1e-12));
        // 8 vs 1 flips: 2 · (1 + 9) / 512.
        Assert.That(gsm8k.PValue, Is.EqualTo(20 / 512.0).Within(1e-12));
        Assert.That(gsm8k.DeltaInterval.High, Is.LessThan(0));
        Assert.That(comparison.Flips.Select(f => f.Kind).Distinct(),
            Is.EqualTo(new[] { FlipKind.CorrectToWrong, FlipKind.ChangedOutput, FlipKind.WrongToCorrect }));
        Assert.That(comparison.Flips.Single(f => f.Kind == FlipKind.ChangedOutput).Id, Is.EqualTo("cmath-003"));
        Assert.That(comparison.Suites.Select(s => s.Name), Is.EqualTo(new[] { "en-id", "zh-id" }));
    }

    [Test]
    public void Same_inputs_and_seed_give_the_same_comparison()
    {
        using var temp = new TempDirectory();
        var baseRun = Named(temp, "base", TestRuns.BaseSamples());
        var candidate = Named(temp, "cand", TestRuns.CandidateSamples());

        var first = RunComparer.Compare(baseRun, candidate, seed: 5);
        var second = RunComparer.Compare(baseRun, candidate, seed: 5);

        Assert.That(second.Rows, Is.EqualTo(first.Rows));
    }

    internal static NamedRun Named(TempDirectory temp, string name, List<SampleRecord> samples, int step = 0) =>
        new(name, RunLog.Read(TestRuns.Write(temp.File(name), name, step, samples)));
}
