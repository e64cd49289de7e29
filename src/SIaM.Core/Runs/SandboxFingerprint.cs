namespace SIaM.Core.Runs;

/// <summary>What identifies a run's code executor, computed before any container starts.</summary>
/// <param name="Kind"><c>docker</c>, <c>local-unsafe</c> or <c>none</c>.</param>
/// <param name="ImageId">The docker image id (<c>sha256:…</c>) programs run in; null for other kinds.</param>
public sealed record SandboxFingerprint(string Kind, string? ImageId)
{
    /// <summary>No executor.</summary>
    public static SandboxFingerprint None { get; } = new("none", null);
}
