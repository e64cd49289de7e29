namespace SIaM.Tokenization.Tests.Support;

/// <summary>Paths into ../shared/model-fixtures (env SIAM_SHARED, or the first ancestor with shared/benchmarks-data).</summary>
internal static class Fixtures
{
    public static string Shared { get; } = FindShared();

    public static string ModelFixtures => Path.Combine(Shared, "model-fixtures");

    public static string TinyLlama => Path.Combine(ModelFixtures, "tiny-random-llama");

    public static string Gpt2 => Path.Combine(ModelFixtures, "gpt2-tokenizer");

    public static string Vectors(params string[] parts) => Path.Combine([ModelFixtures, "tokenizer-vectors", .. parts]);

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
