namespace SIaM.Tokenization.Tests.Support;

/// <summary>Paths into ../shared/model-fixtures (env SIAM_SHARED, or the first ancestor with shared/benchmarks-data).</summary>
internal static class Fixtures
{
    public static string Shared => SIaM.Testing.SharedFixtures.Directory;

    public static string ModelFixtures => Path.Combine(Shared, "model-fixtures");

    public static string TinyLlama => Path.Combine(ModelFixtures, "tiny-random-llama");

    public static string Gpt2 => Path.Combine(ModelFixtures, "gpt2-tokenizer");

    public static string Vectors(params string[] parts) => Path.Combine([ModelFixtures, "tokenizer-vectors", .. parts]);
}
