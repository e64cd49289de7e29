using SIaM.Backends.OpenAi;
using SIaM.Core.Backends;
using SIaM.Critique;
using SIaM.Critique.Critics;

namespace SIaM.Cli;

/// <summary>
/// The one place that maps critic specs to critics: <c>replay:FILE</c> (recorded verdicts), or any model spec read by
/// token probabilities (<c>--critic-mode prob</c>, the default: <c>hf:DIR</c>, <c>openai:URL#MODEL</c>) or by its text
/// (<c>--critic-mode text</c>: every model spec).
/// </summary>
internal static class CriticFactory
{
    public static ICritic Create(string spec, string mode, CriticOptions options)
    {
        if (spec.StartsWith("replay:", StringComparison.Ordinal)) return ReplayCritic.Load(spec["replay:".Length..], options.Threshold);
        if (mode is not ("prob" or "text")) throw new UsageException($"--critic-mode must be prob or text, not '{mode}'");
        if (mode == "prob" && spec.StartsWith("openai:", StringComparison.Ordinal))
        {
            var scorer = new OpenAiCandidateScorer(OpenAiSpecParser.Parse(spec["openai:".Length..]));
            return new ScoringCritic(scorer, options, scorer);
        }
        var backend = BackendFactory.Create(spec, BackendContext.Empty);
        if (mode == "text") return new TextCritic(backend, options);
        if (backend is ICandidateScorer scoring) return new ScoringCritic(scoring, options, backend);
        backend.DisposeAsync().AsTask().GetAwaiter().GetResult();
        throw new UsageException(
            $"critic spec '{spec}' cannot score token probabilities (only hf: and openai: can); use --critic-mode text to parse its generated YES/NO, or " +
                $"replay:FILE");
    }
}
