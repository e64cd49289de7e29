using System.Globalization;
using SIaM.Core.Sandbox;

namespace SIaM.Core.SelfImprovement;

/// <summary>
/// The rule filter: the program exited cleanly and the last line it printed is a number equal to the numeric reference
/// (relative tolerance 1e-6), or equals the reference text exactly.
/// </summary>
public sealed class RuleFilter : IProgramFilter
{
    /// <inheritdoc />
    public string Name => "rule";

    /// <inheritdoc />
    public Task<bool> AcceptsAsync(string question, string reference, string program, ExecResult execution, CancellationToken cancellationToken) =>
        Task.FromResult(Accepts(reference, execution));

    /// <summary>The verdict, synchronously.</summary>
    public static bool Accepts(string reference, ExecResult execution)
    {
        if (execution.Status != ExecStatus.Ok) return false;
        var last = execution.Stdout.TrimEnd().Split('\n').LastOrDefault()?.Trim() ?? "";
        if (last.Length == 0) return false;
        if (last == reference.Trim()) return true;
        return TryNumber(last, out var got) && TryNumber(reference, out var want) &&
               Math.Abs(got - want) <= 1e-6 * Math.Max(1, Math.Abs(want));
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim().Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
