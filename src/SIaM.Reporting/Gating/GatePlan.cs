using System.Globalization;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Gating;

/// <summary>
/// The converse of the detectable drop: how many samples per problem each row needs so that the gate finds a drop of a
/// given size with 80% power, from the row's size and the flip rate per sample pair observed between two runs.
/// </summary>
public static class GatePlan
{
    /// <summary>Most samples per problem a plan proposes.</summary>
    public const int MostSamples = 1024;

    /// <summary>Samples per problem needed for <paramref name="dropPoints"/>, or null when more than <see cref="MostSamples"/> or no flips were seen.</summary>
    public static int? SamplesNeeded(GateVerdict verdict, double dropPoints)
    {
        var row = verdict.Row;
        if (row.Pairs == 0 || row.CorrectToWrong + row.WrongToCorrect == 0) return null;
        var flipRate = (row.CorrectToWrong + row.WrongToCorrect) / (double)row.Pairs;
        return DetectableDrop.SamplesNeeded(flipRate, row.Problems, dropPoints / 100, verdict.PowerAlpha, MostSamples);
    }

    /// <summary>One line per row.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<GateVerdict> verdicts, double dropPoints) => verdicts.Select(v =>
    {
        var row = v.Row;
        var flipRate = row.Pairs == 0 ? 0 : (row.CorrectToWrong + row.WrongToCorrect) / (double)row.Pairs;
        var head = I($"{row.Name}{(row.IsSuite ? " (suite)" : "")}: {row.Problems} problems, {row.SamplesPerProblem} samples/problem, ") +
                   I($"flip rate {100 * flipRate:0.00}% per sample pair, detects {v.DetectableText} now; ");
        var needed = SamplesNeeded(v, dropPoints);
        var floor = dropPoints <= v.Threshold.MaxDropPoints
            ? I($" (but max_drop {v.Threshold.MaxDropPoints:0.##} >= {dropPoints:0.##}: it never fails on such a drop)") : "";
        return head + (row.CorrectToWrong + row.WrongToCorrect == 0
            ? "no flips between these runs: compare two reruns of one model to measure the flip rate"
            : needed is { } n ? I($"-{dropPoints:0.##} pts at 80% power needs {n} samples/problem{floor}")
            : I($"-{dropPoints:0.##} pts at 80% power needs more than {MostSamples} samples/problem (too few problems)"));
    });

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
