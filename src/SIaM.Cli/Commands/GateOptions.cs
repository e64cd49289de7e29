using System.CommandLine;
using SIaM.Core.Validation;
using SIaM.Reporting.Gating;

namespace SIaM.Cli.Commands;

/// <summary>
/// The gate's options, shared by <c>siam compare</c> and <c>siam report</c> so that both judge a baseline comparison
/// with the same thresholds (a report without them had an empty gate column while compare failed the same runs).
/// </summary>
internal static class GateOptions
{
    internal static readonly Option<double> MaxDrop = new("--max-drop")
    {
        Description = "Largest tolerated drop in accuracy points (a practical floor under the test)", DefaultValueFactory = _ => 1.0,
    };

    internal static readonly Option<double> Alpha = new("--alpha")
    {
        Description = "Family-wise significance level of the gate, and level of the bootstrap interval", DefaultValueFactory = _ => 0.05,
    };

    internal static readonly Option<string?> Gate = new("--gate")
    {
        Description = "YAML file of per-benchmark / per-suite thresholds and the family (holm, hierarchy, per-row)",
    };

    /// <summary>The policy the options describe; bad values are usage errors.</summary>
    public static GatePolicy Policy(ParseResult result)
    {
        var alpha = result.GetValue(Alpha);
        var maxDrop = result.GetValue(MaxDrop);
        Preflight.ThrowIfInvalid(
        [
            NumberRangeValidator.SignificanceLevel("--alpha", alpha),
            NumberRangeValidator.NonNegative("--max-drop", maxDrop, "a drop in accuracy points"),
        ]);
        var fallback = new GateThreshold(maxDrop, alpha);
        return result.GetValue(Gate) is { } file ? GateFile.Read(file, fallback) : GatePolicy.Uniform(fallback);
    }
}
