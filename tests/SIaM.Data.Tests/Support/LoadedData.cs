using SIaM.Core.Benchmarks;

namespace SIaM.Data.Tests.Support;

/// <summary>Each benchmark loaded once per test run (loading all 35 files takes about a second).</summary>
internal static class LoadedData
{
    private static readonly Dictionary<string, LoadedBenchmark> Cache = new();

    public static LoadedBenchmark Get(string id)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(id, out var loaded))
                Cache[id] = loaded = BenchmarkLoader.Load(id, SharedData.Root, allowUnverified: false);
            return loaded;
        }
    }
}
