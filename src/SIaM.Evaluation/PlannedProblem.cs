using SIaM.Core.Benchmarks;

namespace SIaM.Evaluation;

/// <summary>A problem of a run with its number over the whole (unsharded) run, which decides its shard.</summary>
public sealed record PlannedProblem(LoadedBenchmark Benchmark, Problem Problem, int Position);
