using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Tests;

/// <summary>One hostile program and the verdict it must get (plus, optionally, text its stdout/stderr must contain).</summary>
public sealed record HostileCase(string Name, string Code, ExecStatus Expected, string? StdoutContains = null, string? StderrContains = null)
{
    public override string ToString() => Name;
}
