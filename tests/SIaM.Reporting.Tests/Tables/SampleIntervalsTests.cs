using SIaM.Reporting.Statistics;
using SIaM.Reporting.Tables;
using SIaM.Reporting.Tests.Comparing;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Tables;

public sealed class SampleIntervalsTests
{
    [Test]
    public void With_two_samples_per_problem_accuracy_and_pass_at_k_get_intervals_clustered_by_problem()
    {
        // Per-problem outcomes (1,1), (1,0), (0,0), (0,1): means 1, ½, 0, ½ → mean ½, SE √((0.5/3)/4) = 0.20412,
        // so ½ ± 1.96·0.20412 = [0.09992, 0.90008] (Wilson over 8 samples would claim [0.215, 0.785]).
        // pass@2 per problem 1, 1, 0, 1 → ¾ ± 1.96·0.25, clipped: [0.26001, 1].
        bool[][] outcomes = [[true, true], [true, false], [false, false], [false, true]];
        var samples = outcomes.SelectMany((o, i) => o.Select((c, s) => Samples.Of("gsm8k", i, c, c ? $"{i}" : "wrong", sample: s))).ToList();
        using var temp = new TempDirectory();

        var table = ResultTableBuilder.Build([RunComparerTests.Named(temp, "run", samples)]);

        var row = table.Rows.Single(r => r.Name == "gsm8k");
        Assert.That(row.Interval.Low, Is.EqualTo(0.5 - ProportionIntervals.Z95 * Math.Sqrt(0.5 / 3 / 4)).Within(1e-9));
        Assert.That(row.Interval.High, Is.EqualTo(0.5 + ProportionIntervals.Z95 * Math.Sqrt(0.5 / 3 / 4)).Within(1e-9));
        Assert.That(row.PassAtK, Is.EqualTo(0.75).Within(1e-12));
        Assert.That(row.PassAtKInterval!.Low, Is.EqualTo(0.75 - ProportionIntervals.Z95 * 0.25).Within(1e-9));
        Assert.That(row.PassAtKInterval.High, Is.EqualTo(1.0));
        Assert.That(row.MajAtKInterval, Is.Not.Null);
        Assert.That(row.MajAtKInterval!.Contains(row.MajAtK!.Value), Is.True);
    }
}
