namespace SIaM.Core.Benchmarks;

/// <summary>What the harness needs to know about a benchmark to evaluate it.</summary>
/// <param name="Id">The benchmark id (also its folder under <c>benchmarks-data/</c>).</param>
/// <param name="Version">Bumped whenever its data mapping, prompt, extraction or grading changes.</param>
/// <param name="Language">Selects the prompt language.</param>
/// <param name="AnswerKind">The shape of its reference answers.</param>
public sealed record BenchmarkInfo(string Id, int Version, Language Language, AnswerKind AnswerKind)
{
    /// <summary>The versioned id recorded in every result, e.g. <c>gsm8k@1</c>.</summary>
    public string VersionedId => $"{Id}@{Version}";
}
