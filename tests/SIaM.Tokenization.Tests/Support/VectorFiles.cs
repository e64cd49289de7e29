using System.Text.Json;

namespace SIaM.Tokenization.Tests.Support;

/// <summary>One reference case: text and the ids the reference tokenizer produced.</summary>
public sealed record VectorCase(string Name, string Text, IReadOnlyList<int> Ids);

/// <summary>Readers for the reference vector files in ../shared/model-fixtures/tokenizer-vectors (formats in SOURCES.md).</summary>
internal static class VectorFiles
{
    /// <summary>llama.cpp .inp/.out: inputs split on "\n__ggml_vocab_test__\n" (last empty piece dropped), one id line each.</summary>
    public static List<VectorCase> LlamaCpp(string vocab)
    {
        var inputs = File.ReadAllText(Fixtures.Vectors("llama.cpp", $"ggml-vocab-{vocab}.gguf.inp")).Split("\n__ggml_vocab_test__\n")[..^1];
        var outputs = File.ReadAllText(Fixtures.Vectors("llama.cpp", $"ggml-vocab-{vocab}.gguf.out")).Split('\n');
        return inputs.Select((text, i) => new VectorCase($"{vocab}#{i}", text, Ints(outputs[i], ' '))).ToList();
    }

    /// <summary>The ML.NET approved file: lines alternate text and comma-separated ids.</summary>
    public static List<VectorCase> MlNetApproved()
    {
        var lines = File.ReadAllLines(Fixtures.Vectors("dotnet-machinelearning", "LLaMA3_1Tests.TokenizerTest.approved.txt"));
        return Enumerable.Range(0, lines.Length / 2).Select(i => new VectorCase($"approved#{i}", lines[2 * i], Ints(lines[2 * i + 1], ','))).ToList();
    }

    /// <summary>swift-transformers multilingual baselines joined with inputs.json by id.</summary>
    public static List<(VectorCase Case, string WithSpecial, string SkipSpecial)> Multilingual(string baseline)
    {
        using var inputs = JsonDocument.Parse(File.ReadAllBytes(Fixtures.Vectors("swift-transformers", "multilingual", "inputs.json")));
        var texts = inputs.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("text").GetString()!);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Fixtures.Vectors("swift-transformers", "multilingual", baseline)));
        return doc.RootElement.GetProperty("entries").EnumerateArray().Select(e =>
        {
            var id = e.GetProperty("id").GetString()!;
            var ids = e.GetProperty("input_ids").EnumerateArray().Select(x => x.GetInt32()).ToList();
            return (new VectorCase(id, texts[id], ids), e.GetProperty("decoded_with_special").GetString()!, e.GetProperty("decoded_skip_special").GetString()!);
        }).ToList();
    }

    /// <summary>A swift-transformers *_encoded.json paragraph: text, token_ids, decoded_text.</summary>
    public static (VectorCase Case, string Decoded) SwiftParagraph(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Fixtures.Vectors("swift-transformers", file)));
        var root = doc.RootElement;
        var ids = root.GetProperty("token_ids").EnumerateArray().Select(x => x.GetInt32()).ToList();
        return (new VectorCase(file, root.GetProperty("text").GetString()!, ids), root.GetProperty("decoded_text").GetString()!);
    }

    private static List<int> Ints(string line, char separator) =>
        line.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
}
