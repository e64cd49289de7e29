namespace SIaM.Tokenization.Tests.Support;

/// <summary>
/// The fixture tokenizers, loaded once per test run. The Llama-3 and Qwen2 directories are written to a temporary
/// folder from vocabulary files (their tokenizer.json files are too large for the fixtures); <see cref="ScratchCleanup"/>
/// deletes it after the last test.
/// </summary>
internal static class Tokenizers
{
    private static readonly Lazy<string> Scratch = new(() => Directory.CreateTempSubdirectory("siam-tokenizers-").FullName);
    private static readonly Lazy<HfTokenizer> Llama2Lazy = new(() => HfTokenizer.Load(Fixtures.TinyLlama));
    private static readonly Lazy<HfTokenizer> Gpt2Lazy = new(() => HfTokenizer.Load(Fixtures.Gpt2));
    private static readonly Lazy<HfTokenizer> Llama3Lazy = new(() => HfTokenizer.Load(Llama3Checkpoint.Write(Subfolder("llama3"))));
    private static readonly Lazy<HfTokenizer?> Qwen2Lazy = new(() => Qwen2Checkpoint.Write(Subfolder("qwen2")) is { } d ? HfTokenizer.Load(d) : null);

    /// <summary>Llama-2 SentencePiece-style BPE (tiny-random-llama/tokenizer.json).</summary>
    public static HfTokenizer Llama2 => Llama2Lazy.Value;

    /// <summary>GPT-2 byte-level BPE (gpt2-tokenizer/tokenizer.json).</summary>
    public static HfTokenizer Gpt2 => Gpt2Lazy.Value;

    /// <summary>Llama-3 byte-level BPE with ignore_merges (see <see cref="Llama3Checkpoint"/>).</summary>
    public static HfTokenizer Llama3 => Llama3Lazy.Value;

    /// <summary>Qwen2 byte-level BPE (see <see cref="Qwen2Checkpoint"/>), from the vocabulary committed under Fixtures/qwen2-bpe.</summary>
    public static HfTokenizer Qwen2 => Qwen2Lazy.Value ?? throw new InvalidOperationException($"Qwen2 vocabulary missing: {Qwen2Checkpoint.Source}");

    public static HfTokenizer ByName(string name) => name switch
    {
        "llama2" => Llama2,
        "gpt2" => Gpt2,
        "llama3" => Llama3,
        "qwen2" => Qwen2,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "fixture tokenizer"),
    };

    public static void DeleteScratch()
    {
        if (Scratch.IsValueCreated) Directory.Delete(Scratch.Value, recursive: true);
    }

    private static string Subfolder(string name) => Directory.CreateDirectory(Path.Combine(Scratch.Value, name)).FullName;
}
