namespace SIaM.Core.Sandbox;

/// <summary>Maps verdicts to and from their snake_case wire names (<c>output_limit</c>, <c>sandbox_failure</c>).</summary>
public static class VerdictNames
{
    private static readonly Dictionary<string, ExecStatus> ByName = new()
    {
        ["ok"] = ExecStatus.Ok,
        ["error"] = ExecStatus.Error,
        ["timeout"] = ExecStatus.Timeout,
        ["memory"] = ExecStatus.Memory,
        ["output_limit"] = ExecStatus.OutputLimit,
        ["killed"] = ExecStatus.Killed,
        ["sandbox_failure"] = ExecStatus.SandboxFailure,
    };

    /// <summary>The snake_case name of a verdict.</summary>
    public static string Name(ExecStatus status) => ByName.First(pair => pair.Value == status).Key;

    /// <summary>The verdict of a snake_case name; null when unknown.</summary>
    public static ExecStatus? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var status) ? status : null;
}
