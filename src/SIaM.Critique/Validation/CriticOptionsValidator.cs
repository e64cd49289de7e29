using SIaM.Core.Validation;
using SIaM.Critique.Pipeline;

namespace SIaM.Critique.Validation;

/// <summary>
/// The critic options of <c>eval</c>, <c>critique</c> and <c>critic calibrate</c>, checked before a run, its data or a
/// critic is touched: the spec's kind for the mode (<c>replay:FILE</c>, <c>hf:DIR</c>, <c>openai:URL#MODEL</c>; with
/// <c>--critic-mode text</c> any model spec), the files it names, <c>--threshold</c>, <c>--critic-few-shot</c>, and a
/// <c>--scoring</c> that needs a critic.
/// </summary>
/// <param name="Spec">The <c>--critic</c> value (null: not given).</param>
/// <param name="Mode">The <c>--critic-mode</c> value.</param>
/// <param name="Threshold">The <c>--threshold</c> value.</param>
/// <param name="FewShot">The <c>--critic-few-shot</c> value.</param>
/// <param name="Scoring">The <c>--scoring</c> value.</param>
/// <param name="ModelKinds">The model spec kinds and their argument checks (see <see cref="ModelSpecValidator"/>).</param>
public sealed record CriticOptionsValidator(string? Spec, string Mode, double Threshold, int FewShot, ScoringMode Scoring,
    IReadOnlyDictionary<string, Func<string, string?>> ModelKinds) : IOptionValidator
{
    /// <summary>The <c>--critic-mode</c> names.</summary>
    public static readonly IReadOnlyList<string> Modes = ["prob", "text"];

    /// <summary>The spec kinds that give token probabilities (<c>--critic-mode prob</c>), besides <c>replay:</c>.</summary>
    public static readonly IReadOnlyList<string> ScoringPrefixes = ["hf", "openai"];

    /// <summary>The most worked examples a critic prompt holds (<see cref="CriticOptions.FewShot"/>).</summary>
    public const int MaxFewShot = 2;

    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        errors.AddRange(NumberRangeValidator.Probability("--threshold", Threshold).Validate());
        errors.AddRange(new IntRangeValidator("--critic-few-shot", FewShot, 0, MaxFewShot).Validate());
        errors.AddRange(new ChoiceValidator("--critic-mode", Mode, Modes).Validate());
        if (Spec is null)
        {
            if (Scoring != ScoringMode.Rule)
                errors.Add(new ValidationError($"--scoring {Scoring.ToString().ToLowerInvariant()} needs a critic: give --critic SPEC, or use --scoring rule"));
            return errors;
        }
        if (KindProblem() is { } problem) errors.Add(new ValidationError(problem));
        else if (!Spec.StartsWith("replay:", StringComparison.Ordinal)) errors.AddRange(new ModelSpecValidator("--critic", Spec, ModelKinds).Validate());
        return errors;
    }

    private string? KindProblem()
    {
        var colon = Spec!.IndexOf(':');
        var prefix = colon < 0 ? Spec : Spec[..colon];
        var argument = colon < 0 ? "" : Spec[(colon + 1)..];
        var kinds = Mode == "text" ? ModelKinds.Keys.Where(p => p != "replay").Order(StringComparer.Ordinal).ToList() : ScoringPrefixes;
        if (prefix == "replay")
            return argument.Length == 0 ? "--critic replay: needs a file of recorded verdicts, e.g. replay:verdicts.jsonl"
                : File.Exists(argument) ? null : $"--critic {Spec}: no such critic recording";
        if (!kinds.Contains(prefix))
        {
            return ModelKinds.ContainsKey(prefix) && Mode == "prob"
                ? $"--critic {Spec}: a '{prefix}:' critic cannot score token probabilities (only hf: and openai: can); use --critic-mode text, or replay:FILE"
                : $"--critic {Spec}: unknown critic spec; use {string.Join(", ", kinds.Select(k => k + ":…"))} or replay:FILE";
        }
        return null;
    }
}
