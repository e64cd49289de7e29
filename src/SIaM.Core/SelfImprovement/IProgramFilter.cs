using SIaM.Core.Sandbox;

namespace SIaM.Core.SelfImprovement;

/// <summary>
/// Decides whether an executed program solved its question, given the question's reference answer: the rule filter
/// compares outputs; a critic model compares them with judgement. The loop records every filter's verdict.
/// </summary>
public interface IProgramFilter
{
    /// <summary>The filter's name in files (<c>rule</c>, <c>critic:…</c>).</summary>
    string Name { get; }

    /// <summary>True when the execution's output answers the question as the reference does.</summary>
    Task<bool> AcceptsAsync(string question, string reference, string program, ExecResult execution, CancellationToken cancellationToken);
}
