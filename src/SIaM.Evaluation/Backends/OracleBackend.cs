using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Data;

namespace SIaM.Evaluation.Backends;

/// <summary>
/// <c>oracle:</c> — the harness's self-check. For problems whose record carries a reference program or equation it
/// answers with a Python program built from it, so the whole pipeline (prompt → execution → extraction → grading)
/// should score ≈ 100% on those sets; every miss is a data quirk or a harness bug.
/// </summary>
public sealed class OracleBackend(IReadOnlyDictionary<string, Problem> problems) : AnsweringBackend
{
    /// <inheritdoc />
    public override string Spec => "oracle:";

    /// <inheritdoc />
    protected override Completion Answer(GenerationRequest request)
    {
        if (request.AssistantPrefix.Length > 0)
            return Completion.Missing("the oracle answers in one program and never continues");
        if (!problems.TryGetValue(request.ProblemId, out var problem))
            return Completion.Missing($"unknown problem {request.ProblemId}");
        return OracleProgram.For(problem) is { } program
            ? new Completion($"```python\n{program.TrimEnd()}\n```")
            : Completion.Missing($"{request.ProblemId} carries no reference program or equation");
    }
}
