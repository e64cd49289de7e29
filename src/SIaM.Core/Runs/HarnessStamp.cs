namespace SIaM.Core.Runs;

/// <summary>The harness that wrote a run.</summary>
/// <param name="Version">The harness version, e.g. <c>0.1.0</c>.</param>
/// <param name="GitRevision">The commit it was built from, or <c>unknown</c>.</param>
public sealed record HarnessStamp(string Version, string GitRevision);
