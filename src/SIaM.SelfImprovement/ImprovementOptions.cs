using SIaM.Core.SelfImprovement;

namespace SIaM.SelfImprovement;

/// <summary>Settings of <c>siam improve</c>; written to <c>DIR/run.json</c>, and a directory holding other settings is refused.</summary>
/// <param name="Policy">Starting checkpoint directory (an <c>hf:</c> directory).</param>
/// <param name="Algorithm">sft, dpo, ipo, orpo, kto or simpo.</param>
/// <param name="K">Samples per pool question.</param>
/// <param name="Iterations">Sample → filter → train → evaluate rounds.</param>
/// <param name="Seed">Sampling and data-order seed.</param>
/// <param name="Temperature">Sampling temperature.</param>
/// <param name="MaxNewTokens">Completion cap when sampling and evaluating.</param>
/// <param name="Limits">Length cap and per-question caps of the data.</param>
/// <param name="Epochs">Passes over the iteration's training data.</param>
/// <param name="BatchSize">Examples (or pairs) per update.</param>
/// <param name="LearningRate">Peak learning rate (warm-up 10 %, cosine decay).</param>
/// <param name="Beta">Preference β; null keeps each method's default.</param>
/// <param name="Lambda">DPO's NLL weight on chosen responses.</param>
/// <param name="Filter">The filter whose verdict selects data: <c>rule</c> or a critic's name.</param>
/// <param name="Control">Also run the control arm: the same iterations with k = 0 (seed programs alone, same steps).</param>
public sealed record ImprovementOptions(
    string Policy,
    string Algorithm = "sft",
    int K = 8,
    int Iterations = 2,
    int Seed = 0,
    double Temperature = 0.8,
    int MaxNewTokens = 64,
    SelectionLimits? Limits = null,
    int Epochs = 2,
    int BatchSize = 16,
    double LearningRate = 1e-3,
    double? Beta = null,
    double Lambda = 1.0,
    string Filter = "rule",
    bool Control = false)
{
    /// <summary>The caps in force.</summary>
    public SelectionLimits EffectiveLimits => Limits ?? new SelectionLimits(MaxCompletionTokens: MaxNewTokens);
}
