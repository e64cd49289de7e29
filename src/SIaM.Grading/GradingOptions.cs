namespace SIaM.Grading;

/// <summary>Tunable knobs of <see cref="MathEquivalenceChecker"/>. Immutable; vary with <c>with</c>.</summary>
public sealed record GradingOptions
{
    /// <summary>The default options.</summary>
    public static GradingOptions Default { get; } = new();

    /// <summary>Relative tolerance of numeric comparison (absolute below magnitude 1).</summary>
    public double RelativeTolerance { get; init; } = 1e-4;

    /// <summary>When x/100 and 100x are accepted as equal to x (reported as <c>percent-variant</c>).</summary>
    public PercentVariantMode PercentVariants { get; init; } = PercentVariantMode.WhenPercentSign;

    /// <summary>Inputs longer than this (characters) are cut before any parsing.</summary>
    public int MaxInputLength { get; init; } = 4096;

    /// <summary>Work units one comparison may spend (parse nodes, evaluations, big-integer bits).</summary>
    public int Budget { get; init; } = 200_000;

    /// <summary>Random points used when two expressions are compared by evaluation.</summary>
    public int EvaluationPoints { get; init; } = 6;

    /// <summary>Seed of the evaluation points; same seed, same verdicts.</summary>
    public int Seed { get; init; } = 20261128;

    /// <summary>Default or strict (no last-number fallback, no unit stripping).</summary>
    public GradingMode Mode { get; init; } = GradingMode.Default;
}
