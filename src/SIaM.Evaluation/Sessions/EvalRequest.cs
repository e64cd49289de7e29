namespace SIaM.Evaluation.Sessions;

/// <summary>One evaluation as the user asked for it: what to run, where, and what to do after the run.</summary>
/// <param name="Spec">Everything that determines the results.</param>
/// <param name="Performance">How fast it goes (never what it gives).</param>
public sealed record EvalRequest(RunSpec Spec, EvalPerformance Performance)
{
    /// <summary>The output directory; null: <c>reports/runs/RUN_ID</c>.</summary>
    public string? OutDirectory { get; init; }

    /// <summary>The data directory; null: the default lookup (<c>$SIAM_DATA</c>, <c>./benchmarks-data</c>, …).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Accept data files whose sha256 differs from the manifest.</summary>
    public bool AllowUnverified { get; init; }

    /// <summary>Where the backend may cache requests, if it supports that.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The checkpoint label for reports (<c>checkpoint.json</c>; not part of the identity).</summary>
    public string? Label { get; init; }

    /// <summary>The checkpoint's training step (<c>checkpoint.json</c>).</summary>
    public long? Step { get; init; }

    /// <summary>A critique pass over the finished run, or null for none.</summary>
    public CritiqueRequest? Critique { get; init; }
}
