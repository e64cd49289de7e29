namespace SIaM.TorchSharp.Tests.Support;

/// <summary>Finds ../shared (env SIAM_SHARED, or the first ancestor of the test assembly with shared/benchmarks-data beside it).</summary>
internal static class Fixtures
{
    public static string Shared { get; } = FindShared();

    public static string TinyLlama => Path.Combine(Shared, "model-fixtures", "tiny-random-llama");

    public static string TinyLlamaFp16 => Path.Combine(TinyLlama, "fp16");

    private static string FindShared()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SIAM_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "benchmarks-data"))) return candidate;
        }
        throw new DirectoryNotFoundException($"no shared/benchmarks-data above {AppContext.BaseDirectory}; set SIAM_SHARED");
    }
}
