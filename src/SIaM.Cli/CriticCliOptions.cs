using System.CommandLine;
using SIaM.Core.Validation;
using SIaM.Critique;
using SIaM.Critique.Pipeline;
using SIaM.Critique.Validation;
using SIaM.Evaluation.Sessions;

namespace SIaM.Cli;

/// <summary>The critic options shared by <c>eval</c>, <c>critique</c> and <c>critic calibrate</c>.</summary>
internal sealed class CriticCliOptions(bool required, ScoringMode defaultScoring)
{
    public Option<string?> Critic { get; } = new("--critic")
    {
        Description = "Critic spec: hf:DIR, openai:URL#MODEL, replay:FILE (recorded verdicts)",
        Required = required,
    };
    public Option<string> Mode { get; } = new("--critic-mode")
    {
        Description = "prob: P(YES) from token probabilities; text: parse the first YES/NO of generated text",
        DefaultValueFactory = _ => "prob",
    };
    public Option<double> Threshold { get; } = new("--threshold")
    {
        Description = "P(YES) at or above which the critic says YES (see 'siam critic calibrate')",
        DefaultValueFactory = _ => 0.5,
    };
    public Option<int> FewShot { get; } = new("--critic-few-shot") { Description = "Worked examples in the critic prompt (0-2)", DefaultValueFactory = _ => 0 };
    public Option<CriticFormat> Format { get; } = new("--critic-format")
    {
        Description = "chat (the model's chat template), plain (one raw prompt ending in 'Answer:') or compact (only reference and result, ending in 'same:')",
        DefaultValueFactory = _ => CriticFormat.Chat,
    };
    public Option<ScoringMode> Scoring { get; } = new("--scoring")
    {
        Description = "rule | critic | cascade (critic only on rule negatives and ungradable) | both",
        DefaultValueFactory = _ => defaultScoring,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Critic, Mode, Threshold, FewShot, Format, Scoring }) command.Options.Add(option);
    }

    public CriticOptions Options(ParseResult result)
    {
        var threshold = result.GetValue(Threshold);
        if (threshold is < 0 or > 1) throw new UsageException($"--threshold must be within 0..1, got {threshold}");
        var fewShot = result.GetValue(FewShot);
        if (fewShot is < 0 or > 2) throw new UsageException($"--critic-few-shot must be 0, 1 or 2, got {fewShot}");
        return new CriticOptions(threshold, fewShot, result.GetValue(Format));
    }

    /// <summary>The check of every critic option, run before anything loads.</summary>
    public IOptionValidator Validator(ParseResult result) =>
        new CriticOptionsValidator(result.GetValue(Critic), result.GetValue(Mode)!, result.GetValue(Threshold), result.GetValue(FewShot),
            result.GetValue(Scoring), BackendFactory.Kinds);

    /// <summary>The critique pass the options ask for, or null when no <c>--critic</c> was given.</summary>
    public CritiqueRequest? Bind(ParseResult result, string? dataDirectory, int batchSize, int concurrency) =>
        result.GetValue(Critic) is { } spec
            ? new CritiqueRequest(spec, result.GetValue(Scoring), () => Create(result), dataDirectory, batchSize, concurrency)
            : null;

    public ICritic Create(ParseResult result) =>
        CriticFactory.Create(result.GetValue(Critic) ?? throw new UsageException("--critic is required"), result.GetValue(Mode)!, Options(result));
}
