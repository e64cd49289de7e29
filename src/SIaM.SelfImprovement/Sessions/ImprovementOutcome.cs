namespace SIaM.SelfImprovement.Sessions;

/// <summary>What a finished <c>siam improve</c> has to show, read from what it wrote.</summary>
/// <param name="Iterations">One row per iteration (with the control arm's figures when it ran).</param>
/// <param name="Suites">The evaluation suites, in order.</param>
/// <param name="Control">Whether the control arm ran.</param>
/// <param name="Demo">Whether it ran on the synthetic fixture (whose families and true answers are known).</param>
/// <param name="FilterComparison">The filters compared on the loop's samples, when the demo ran more than the rule filter.</param>
/// <param name="Plot">The per-iteration plot (PNG).</param>
/// <param name="IterationsFile">The summary, <c>iterations.json</c>.</param>
public sealed record ImprovementOutcome(
    IReadOnlyList<IterationSummary> Iterations,
    IReadOnlyList<string> Suites,
    bool Control,
    bool Demo,
    string? FilterComparison,
    string Plot,
    string IterationsFile);
