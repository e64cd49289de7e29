using System.Globalization;
using SIaM.Reporting.Tables;

namespace SIaM.Reporting.Gating;

/// <summary>The drift detector's decision on one row: flagged when the slope is downward and its Holm-adjusted p is below α.</summary>
public sealed record TrendVerdict(TrendRow Row, double AdjustedPValue, double Alpha, bool Flagged)
{
    /// <summary>One line with the numbers behind the decision.</summary>
    public string Explanation
    {
        get
        {
            var t = Row.Trend;
            return string.Create(CultureInfo.InvariantCulture,
                $"{Row.Name}{(Row.IsSuite ? " (suite)" : "")}: slope {100 * t.Slope:+0.000;-0.000;0.000} pts/checkpoint over {t.Checkpoints} checkpoints ") +
                string.Create(CultureInfo.InvariantCulture,
                $"(clustered SE {100 * t.StandardError:0.000}, {t.Problems} problems), p = {Format.P(t.PValue)}, adjusted p = {Format.P(AdjustedPValue)}; ") +
                string.Create(CultureInfo.InvariantCulture, $"drift: downward and adjusted p < {Alpha:0.###} -> {(Flagged ? "DRIFT" : "flat")}");
        }
    }
}
