namespace SIaM.IntegrationTests.Improve;

/// <summary>
/// The CI margin of <see cref="ImproveDemoTests"/>: loop − control after one iteration of the CI fixture, pooled over
/// EN and ZH, paired per question, on the seed and answer-only tiers. PROVISIONAL: the margin is to be derived from
/// seeds 0–4 of this fixture (mean − 2 sd of each tier's gain, printed with the spread in docs/loop.md); the
/// measurement could not run on the loaded build machine of 2026-12-07, so until it is done the test asserts only
/// that the loop is not worse than its control (0 points) on both tiers.
/// </summary>
internal static class MarginDerivation
{
    /// <summary>The margin in points.</summary>
    public const double Points = 0.0;
}
