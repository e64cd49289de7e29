using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Docker;

/// <summary>One probe of <c>siam sandbox doctor</c>: a program, the verdict it must get and, optionally, its exact output.</summary>
/// <param name="Limit">The limit or property the probe proves.</param>
/// <param name="Code">The probe program.</param>
/// <param name="Expected">The verdict that proves the limit is enforced.</param>
/// <param name="Stdout">The exact stdout required, if any.</param>
public sealed record SelfTestCheck(string Limit, string Code, ExecStatus Expected, string? Stdout = null);

/// <summary>The outcome of one <see cref="SelfTestCheck"/>.</summary>
public sealed record SelfTestOutcome(SelfTestCheck Check, ExecResult Result)
{
    /// <summary>True when the verdict (and output, when required) is the expected one.</summary>
    public bool Passed => Result.Status == Check.Expected && (Check.Stdout is null || Result.Stdout == Check.Stdout);
}
