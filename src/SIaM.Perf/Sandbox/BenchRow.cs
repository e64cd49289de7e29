using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>One executor's measurements in <c>siam bench sandbox</c>.</summary>
/// <param name="Name">The executor.</param>
/// <param name="Programs">Programs run.</param>
/// <param name="ProgramsPerSecond">Throughput with one dispatcher per worker.</param>
/// <param name="P50AddedMs">Median latency beyond the program's own run time in a warm fork.</param>
/// <param name="P99AddedMs">99th percentile of the same.</param>
/// <param name="Mismatches">Programs whose verdict or output differed from the warm pool's.</param>
public sealed record BenchRow(string Name, int Programs, double ProgramsPerSecond, double P50AddedMs, double P99AddedMs, int Mismatches);
