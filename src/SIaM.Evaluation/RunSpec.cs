using System.Text.Json.Serialization;
using SIaM.Core.Backends;
using SIaM.Core.Prompts;
using SIaM.Grading;

namespace SIaM.Evaluation;

/// <summary>
/// Everything that determines an evaluation's results, frozen before it starts. Two runs with equal specs over the
/// same data produce the same samples; a different spec on the same output directory is refused.
/// </summary>
/// <param name="Model">The model spec, e.g. <c>oracle:</c> or <c>hf:models/qwen</c>.</param>
/// <param name="Benchmarks">Benchmark ids, in run order.</param>
/// <param name="Prompt">The prompt style.</param>
/// <param name="FewShot">How many worked examples precede each question.</param>
/// <param name="Samples">Samples per problem (k).</param>
/// <param name="Limit">Only the first N problems of each benchmark, when set.</param>
/// <param name="Generation">Decoding settings (the seed lives here).</param>
/// <param name="MaxToolRounds">Code executions per tool-integrated sample before the model must answer.</param>
/// <param name="Sandbox">The executor kind: <c>docker</c>, <c>local-unsafe</c> or <c>none</c>.</param>
/// <param name="RelativeTolerance">Numeric tolerance of the grader.</param>
/// <param name="PassK">The k of pass@k and maj@k in the results (default 1 and <paramref name="Samples"/>). Not part of
/// the identity: it changes what is reported, never the samples.</param>
/// <param name="Shard">The slice to evaluate (<c>--shard I/N</c>), or null for all. Recorded in the identity beside the
/// spec (not inside it), so that a merge of all shards has the unsharded run's identity.</param>
/// <param name="Grading">How lenient the grader is (<c>--grading default|strict</c>); part of the identity, since it changes
/// verdicts.</param>
public sealed record RunSpec(
    string Model,
    IReadOnlyList<string> Benchmarks,
    PromptStyle Prompt,
    int FewShot,
    int Samples,
    int? Limit,
    GenerationConfig Generation,
    int MaxToolRounds,
    string Sandbox,
    double RelativeTolerance,
    [property: JsonIgnore] IReadOnlyList<int>? PassK = null,
    [property: JsonIgnore] SIaM.Core.Runs.Shard? Shard = null,
    GradingMode Grading = GradingMode.Default)
{
    /// <summary>The k of pass@k and maj@k: <see cref="PassK"/>, else 1 and <see cref="Samples"/>; distinct, ascending.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> EffectivePassK => (PassK ?? [1, Samples]).Distinct().Order().ToList();

    /// <summary>The grader's options for this run: its tolerance and its mode.</summary>
    [JsonIgnore]
    public GradingOptions GradingOptions => new() { RelativeTolerance = RelativeTolerance, Mode = Grading };

    /// <summary>Stop sequences each prompt style needs on top of the user's.</summary>
    [JsonIgnore]
    public GenerationConfig EffectiveGeneration => Prompt == PromptStyle.Tir
        ? Generation with { Stop = [.. Generation.StopSequences.Append("```output").Distinct()] }
        : Generation;
}
