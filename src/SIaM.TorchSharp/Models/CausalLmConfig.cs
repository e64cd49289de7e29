namespace SIaM.TorchSharp.Models;

/// <summary>
/// The architecture of a Llama / Qwen2 / Mistral decoder, read from a Hugging Face <c>config.json</c> by
/// <see cref="CausalLmConfigReader"/>.
/// </summary>
public sealed record CausalLmConfig(
    string ModelType,
    int VocabSize,
    int HiddenSize,
    int IntermediateSize,
    int NumHiddenLayers,
    int NumAttentionHeads,
    int NumKeyValueHeads,
    int HeadDim,
    double RmsNormEps,
    double RopeTheta,
    RopeScaling? RopeScaling,
    bool TieWordEmbeddings,
    bool QkvBias,
    bool OutputBias,
    bool MlpBias,
    int? SlidingWindow,
    int MaxPositionEmbeddings,
    IReadOnlyList<int> EosTokenIds,
    string? TorchDtype)
{
    /// <summary>A Llama config from sizes only (random test and benchmark models).</summary>
    public static CausalLmConfig Llama(int vocabSize, int hiddenSize, int intermediateSize, int layers, int heads, int kvHeads) =>
        new("llama", vocabSize, hiddenSize, intermediateSize, layers, heads, kvHeads, hiddenSize / heads, 1e-6, 10000,
            null, false, false, false, false, null, 4096, [], "float32");
}
