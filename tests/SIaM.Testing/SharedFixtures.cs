namespace SIaM.Testing;

/// <summary>
/// The real data and model fixtures in <c>../shared</c>: env <c>SIAM_SHARED</c>, else the first <c>shared/</c> folder
/// with <c>benchmarks-data</c> above the test assembly (in CI and here the repository's sibling).
/// </summary>
public static class SharedFixtures
{
    /// <summary>The shared folder.</summary>
    public static string Directory { get; } = Find();

    /// <summary><c>shared/benchmarks-data</c>.</summary>
    public static string BenchmarksData => Path.Combine(Directory, "benchmarks-data");

    /// <summary><c>shared/model-fixtures</c>.</summary>
    public static string ModelFixtures => Path.Combine(Directory, "model-fixtures");

    /// <summary>The tiny Hugging Face Llama checkpoint.</summary>
    public static string TinyLlama => Path.Combine(ModelFixtures, "tiny-random-llama");

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("SIAM_SHARED") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "benchmarks-data"))) return candidate;
        }
        throw new DirectoryNotFoundException($"no shared/benchmarks-data above {AppContext.BaseDirectory}; set SIAM_SHARED");
    }
}
