using SIaM.Core.Benchmarks;

namespace SIaM.Cli;

/// <summary>What a backend may need from the run that creates it.</summary>
/// <param name="Problems">The problems of the run by id (the oracle backend reads their reference solutions).</param>
/// <param name="CacheDirectory">Where request caches may live, if caching is wanted.</param>
internal sealed record BackendContext(IReadOnlyDictionary<string, Problem> Problems, string? CacheDirectory)
{
    public static BackendContext Empty { get; } = new(new Dictionary<string, Problem>(), null);

    /// <summary>The benchmarks of the run.</summary>
    public IReadOnlyCollection<string> Benchmarks => Problems.Values.Select(p => p.Benchmark).Distinct().ToList();
}
