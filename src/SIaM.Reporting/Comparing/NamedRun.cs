using SIaM.Core.Runs;

namespace SIaM.Reporting.Comparing;

/// <summary>A run (directory or snapshot) with the name it is shown under.</summary>
public sealed record NamedRun(string Name, RunLog Log);
