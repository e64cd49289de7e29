namespace SIaM.Core.Runs;

/// <summary>One line of a critic's <c>verdicts.jsonl</c>: the rule verdict beside the critic's, never replacing it.</summary>
/// <param name="Id">The problem id.</param>
/// <param name="Sample">The sample index.</param>
/// <param name="Benchmark">The benchmark id.</param>
/// <param name="SampleHash">Hash of what was judged (response, reference): a changed sample is judged again.</param>
/// <param name="RuleCorrect">The rule grader's verdict, as recorded in <c>samples.jsonl</c>.</param>
/// <param name="Gradable">Whether the rule grader could parse the reference.</param>
/// <param name="Verdict">The critic's outcome.</param>
/// <param name="PYes">P(YES), when the critic reads probabilities.</param>
/// <param name="Raw">The critic's raw output.</param>
/// <param name="Reason">Why the verdict is invalid or unparseable.</param>
public sealed record CritiqueVerdict(
    string Id,
    int Sample,
    string Benchmark,
    string SampleHash,
    bool? RuleCorrect,
    bool Gradable,
    CriticOutcome Verdict,
    double? PYes,
    string Raw,
    string? Reason)
{
    /// <summary>The key of the sample within the run.</summary>
    public (string Id, int Sample) Key => (Id, Sample);
}
