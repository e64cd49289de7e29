using SIaM.Critique;

namespace SIaM.SelfImprovement.Sessions;

/// <summary>One <c>siam improve</c> as bound from its options (already validated).</summary>
/// <param name="Output">The run directory (absolute).</param>
/// <param name="Options">The loop's settings; <see cref="ImprovementOptions.Policy"/> is filled in by the session.</param>
/// <param name="KGiven">Whether <c>--k</c> was given (else the demo's size decides it).</param>
/// <param name="CriticSpec"><c>rule</c>, <c>demo</c> or a critic backend spec.</param>
/// <param name="CriticGiven">Whether <c>--critic</c> was given (an explicit <c>rule</c> skips the demo critic).</param>
/// <param name="CriticOptions">How the critic is asked and when it accepts.</param>
/// <param name="Sandbox">Where programs run: <c>docker</c> or <c>local-unsafe</c>.</param>
/// <param name="Device">The resolved training device.</param>
/// <param name="Demo">Build the synthetic fixture and run on it.</param>
/// <param name="DemoSize"><c>demo</c> or <c>ci</c>.</param>
/// <param name="Policy">The starting policy, <c>hf:DIR</c> (without <see cref="Demo"/>).</param>
/// <param name="Questions">The questions to learn from (without <see cref="Demo"/>).</param>
/// <param name="Eval">The evaluation suites as <c>NAME=FILE</c> (without <see cref="Demo"/>).</param>
public sealed record ImprovementRequest(
    string Output,
    ImprovementOptions Options,
    bool KGiven,
    string CriticSpec,
    bool CriticGiven,
    CriticOptions CriticOptions,
    string Sandbox,
    string Device,
    bool Demo,
    string DemoSize,
    string? Policy,
    string? Questions,
    IReadOnlyList<string> Eval)
{
    /// <summary>With <see cref="Demo"/>: seed programs per family and language, instead of the size's.</summary>
    public int? DemoSeedSet { get; init; }

    /// <summary>With <see cref="Demo"/>: pool questions per family and language, instead of the size's.</summary>
    public int? DemoPool { get; init; }

    /// <summary>With <see cref="Demo"/>: SFT steps of the weak policy on the seed set, instead of the size's.</summary>
    public int? DemoPolicySteps { get; init; }

    /// <summary>With <see cref="Demo"/>: the calibration share the weak policy trains to (0: its fixed steps), instead of the size's.</summary>
    public double? DemoPolicyTarget { get; init; }

    /// <summary>With <see cref="Demo"/>: epochs of each iteration's training on its examples, instead of the size's.</summary>
    public int? DemoEpochs { get; init; }
}
