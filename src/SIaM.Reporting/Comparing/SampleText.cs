using SIaM.Core.Runs;

namespace SIaM.Reporting.Comparing;

/// <summary>The texts of a sample that diffs are made of.</summary>
public static class SampleText
{
    /// <summary>The execution output: each program's status and stdout (stderr when it failed), in order.</summary>
    public static string Output(SampleRecord record) =>
        string.Join("\n", record.Executions.Select((e, i) =>
            $"[{i + 1}: {e.Status.ToString().ToLowerInvariant()}]\n{e.Stdout}{(e.Status == Core.Sandbox.ExecStatus.Ok ? "" : e.Stderr)}"));
}
