namespace SIaM.Core.Backends;

/// <summary>
/// Range checks for decoding settings, applied before any backend is created so that every backend refuses the same
/// values (a backend that silently clamps a negative temperature would make runs incomparable).
/// </summary>
public static class GenerationConfigChecks
{
    /// <summary>Largest accepted temperature (the OpenAI API's own bound is 2; local samplers accept more).</summary>
    public const double MaxTemperature = 100;

    /// <summary>
    /// What is wrong with <paramref name="config"/>, one message per setting, each starting with the setting's CLI name
    /// (<c>temperature</c>, <c>top-p</c>, <c>top-k</c>, <c>max-new-tokens</c>); empty when it is valid.
    /// </summary>
    public static IReadOnlyList<string> Problems(GenerationConfig config)
    {
        var problems = new List<string>();
        if (!double.IsFinite(config.Temperature) || config.Temperature < 0 || config.Temperature > MaxTemperature)
            problems.Add($"temperature must be a number from 0 (greedy) to {MaxTemperature}, got {config.Temperature}");
        if (!double.IsFinite(config.TopP) || config.TopP <= 0 || config.TopP > 1)
            problems.Add($"top-p must be in (0, 1] (1 disables nucleus sampling), got {config.TopP}");
        if (config.TopK < 0)
            problems.Add($"top-k must be ≥ 0 (0 disables it), got {config.TopK}");
        if (config.MaxNewTokens <= 0)
            problems.Add($"max-new-tokens must be > 0, got {config.MaxNewTokens}");
        if (config.StopSequences.Any(s => s.Length == 0))
            problems.Add("stop sequences must not be empty");
        return problems;
    }
}
