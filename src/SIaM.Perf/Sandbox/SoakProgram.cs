using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>One program of the soak mix, with the verdict and (optionally) exact stdout it must get.</summary>
public sealed record SoakProgram(string Kind, string Code, ExecStatus Expected, string? Stdout = null);
