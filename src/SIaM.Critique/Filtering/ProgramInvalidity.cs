using SIaM.Core.Sandbox;
using SIaM.Core.SelfImprovement;
using SIaM.Critique.Rules;

namespace SIaM.Critique.Filtering;

/// <summary>
/// The invalid-response rules applied to an executed program: no answer at all (the program failed or timed out,
/// printed nothing, its output was cut at the cap, or its program or output ends in a repetition loop). Pure.
/// </summary>
public static class ProgramInvalidity
{
    /// <summary>Why the case has no answer to judge, or null when the critic should be asked.</summary>
    public static string? Check(ProgramCase @case)
    {
        var execution = @case.Execution;
        if (string.IsNullOrWhiteSpace(@case.Program)) return "empty program";
        if (execution.Status == ExecStatus.Timeout) return "timeout";
        if (execution.Status != ExecStatus.Ok) return $"no output ({execution.Status.ToString().ToLowerInvariant()})";
        if (execution.Truncated) return "truncated output";
        if (string.IsNullOrWhiteSpace(execution.Stdout)) return "empty output";
        if (InvalidResponse.LoopPeriod(execution.Stdout.TrimEnd()) is { } period) return $"repetition-loop output (period {period})";
        if (InvalidResponse.LoopPeriod(@case.Program.TrimEnd()) is { } programPeriod) return $"repetition-loop program (period {programPeriod})";
        return null;
    }
}
