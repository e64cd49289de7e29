namespace SIaM.TorchSharp.Tests.Support;

/// <summary>Finds ../shared (env SIAM_SHARED, or the first ancestor of the test assembly with shared/benchmarks-data beside it).</summary>
internal static class Fixtures
{
    public static string Shared => SIaM.Testing.SharedFixtures.Directory;

    public static string TinyLlama => Path.Combine(Shared, "model-fixtures", "tiny-random-llama");

    public static string TinyLlamaFp16 => Path.Combine(TinyLlama, "fp16");

    public static string TinyQwen2 => Path.Combine(Shared, "model-fixtures", "tiny-random-qwen2");
}
