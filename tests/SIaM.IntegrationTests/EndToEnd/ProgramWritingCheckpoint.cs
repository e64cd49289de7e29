using System.Buffers.Binary;
using System.Text.Json.Nodes;

namespace SIaM.IntegrationTests.EndToEnd;

/// <summary>
/// A copy of the tiny Llama checkpoint (its tokenizer and config, its weights edited) that greedily writes one fixed
/// program, <c>print(2+3)</c>, after any prompt: a real <c>hf:</c> model whose completions run in the sandbox.
/// The attention and MLP outputs are zeroed (o_proj, down_proj), so the last hidden state is the normalised embedding of
/// the last token: a bigram model. Every token embeds as e0 except the program's tokens, which embed as e1, e2, …;
/// lm_head maps e0 to the first program token, each program token to the next and the last to end-of-sequence, by a
/// wide margin, so that sampling writes the same program.
/// </summary>
public static class ProgramWritingCheckpoint
{
    /// <summary>The program the checkpoint writes, and what it prints.</summary>
    public const string Program = "print(2+3)";

    public const string Output = "5";

    // print ( 2 + 3 ) in the checkpoint's SentencePiece vocabulary, then </s>.
    private static readonly int[] Chain = [2158, 29898, 29906, 29974, 29941, 29897];
    private const int EndOfSequence = 2;
    private const int Hidden = 16;

    // The next token's logit is 4 × Margin (the norm makes a basis vector 4 long), every other logit 0: sampled at
    // temperature 0.7 over 32,000 tokens, the program's token is still all but certain (e^57 against 32,000).
    private const float Margin = 10;

    public static string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in new[] { "config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json" })
            File.Copy(Path.Combine(SharedFixtures.TinyLlama, file), Path.Combine(directory, file));
        var bytes = File.ReadAllBytes(Path.Combine(SharedFixtures.TinyLlama, "model.safetensors"));
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var header = JsonNode.Parse(bytes.AsSpan(8, headerLength))!.AsObject();
        var data = 8 + headerLength;

        Span<float> Tensor(string name)
        {
            var offsets = header[name]!["data_offsets"]!.AsArray();
            var start = data + offsets[0]!.GetValue<int>();
            var end = data + offsets[1]!.GetValue<int>();
            return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan(start, end - start));
        }

        foreach (var layer in new[] { 0, 1 })
        {
            Tensor($"model.layers.{layer}.self_attn.o_proj.weight").Clear();
            Tensor($"model.layers.{layer}.mlp.down_proj.weight").Clear();
        }
        Tensor("model.norm.weight").Fill(1);
        var embed = Tensor("model.embed_tokens.weight");
        var head = Tensor("lm_head.weight");
        embed.Clear();
        head.Clear();
        for (var token = 0; token < embed.Length / Hidden; token++) embed[token * Hidden] = 1;
        head[Chain[0] * Hidden] = Margin;
        for (var i = 0; i < Chain.Length; i++)
        {
            embed[Chain[i] * Hidden] = 0;
            embed[Chain[i] * Hidden + i + 1] = 1;
            head[(i + 1 < Chain.Length ? Chain[i + 1] : EndOfSequence) * Hidden + i + 1] = Margin;
        }
        File.WriteAllBytes(Path.Combine(directory, "model.safetensors"), bytes);
        return directory;
    }
}
