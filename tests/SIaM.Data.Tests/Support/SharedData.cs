using SIaM.Data;

namespace SIaM.Data.Tests.Support;

/// <summary>The real benchmark files: env SIAM_SHARED, else the first <c>shared/benchmarks-data</c> above the test assembly.</summary>
internal static class SharedData
{
    public static string Directory { get; } = Find();

    public static DataRoot Root { get; } = new([Directory], "test");

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("SIAM_SHARED") is { Length: > 0 } shared)
            return Path.Combine(shared, "benchmarks-data");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "benchmarks-data");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"no shared/benchmarks-data above {AppContext.BaseDirectory}; set SIAM_SHARED");
    }
}
