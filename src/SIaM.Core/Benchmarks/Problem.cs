namespace SIaM.Core.Benchmarks;

/// <summary>
/// One benchmark problem, mapped from a raw data record.
/// <see cref="Id"/> is <c>&lt;benchmark&gt;/&lt;0-based record position&gt;</c> and stable across runs.
/// </summary>
/// <param name="Benchmark">The benchmark id, e.g. <c>gsm8k</c>.</param>
/// <param name="Index">The 0-based position of the record in its data file.</param>
/// <param name="Question">The question with any options or table rendered in.</param>
/// <param name="Reference">The reference answer in the benchmark's canonical text form.</param>
/// <param name="AnswerKind">The shape of <see cref="Reference"/>.</param>
/// <param name="Choices">Option letter → option text, for multiple-choice problems.</param>
/// <param name="Solution">A reference program or equation the record carries, if any (used by the oracle backend).</param>
public sealed record Problem(
    string Benchmark,
    int Index,
    string Question,
    string Reference,
    AnswerKind AnswerKind,
    IReadOnlyDictionary<string, string>? Choices = null,
    ReferenceSolution? Solution = null)
{
    /// <summary>The stable problem id, <c>&lt;benchmark&gt;/&lt;index&gt;</c>.</summary>
    public string Id => $"{Benchmark}/{Index}";
}
