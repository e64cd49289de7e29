using SIaM.Data;

namespace SIaM.Data.Tests.Support;

/// <summary>The real benchmark files: env SIAM_SHARED, else the first <c>shared/benchmarks-data</c> above the test assembly.</summary>
internal static class SharedData
{
    public static string Directory => SIaM.Testing.SharedFixtures.BenchmarksData;

    public static DataRoot Root { get; } = new([Directory], "test");
}
