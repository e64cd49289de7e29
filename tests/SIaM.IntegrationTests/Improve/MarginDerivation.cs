namespace SIaM.IntegrationTests.Improve;

/// <summary>
/// The CI margin of <see cref="ImproveDemoTests"/>: loop − control after one iteration of the CI fixture, pooled over
/// EN and ZH, on the seed and answer-only tiers, measured on seeds 0–4 (PENDING).
/// </summary>
internal static class MarginDerivation
{
    /// <summary>The margin in points.</summary>
    public const double Points = 0.0;
}
