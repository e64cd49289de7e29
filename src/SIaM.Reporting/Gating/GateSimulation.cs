using SIaM.Reporting.Comparing;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Gating;

/// <summary>
/// Validates the regression gate by simulation: how often reruns of the same sampled model raise a false alarm, and
/// how often a true drop is caught. Each trial draws base and candidate outcomes per sample and runs the real gate
/// decision (exact McNemar + threshold) on them. Deterministic for a seed.
/// </summary>
public static class GateSimulation
{
    /// <summary>Simulates one scenario under one threshold.</summary>
    public static GateSimulationRow Run(GateScenario scenario, GateThreshold threshold, double trueDropPoints, int trials, int seed)
    {
        var random = new Random(seed);
        var falseAlarms = 0;
        var caught = 0;
        var flips = 0L;
        for (var t = 0; t < trials; t++)
        {
            var solve = SolveProbabilities(scenario, random);
            var scale = (scenario.Accuracy - trueDropPoints / 100) / scenario.Accuracy;
            var same = Trial(solve, p => p, scenario.SamplesPerProblem, random);
            var worse = Trial(solve, p => p * scale, scenario.SamplesPerProblem, random);
            flips += same.CorrectToWrong + same.WrongToCorrect;
            if (RegressionGate.Decide(same, threshold).Failed) falseAlarms++;
            if (RegressionGate.Decide(worse, threshold).Failed) caught++;
        }
        return new GateSimulationRow(scenario, threshold, trials, falseAlarms / (double)trials, caught / (double)trials, trueDropPoints, flips / (double)trials);
    }

    private static double[] SolveProbabilities(GateScenario scenario, Random random)
    {
        // Unstable problems average 0.5; the stable ones are solved always or never so that the mean is the accuracy.
        var always = (scenario.Accuracy - scenario.Unstable * 0.5) / (1 - scenario.Unstable);
        return Enumerable.Range(0, scenario.Problems).Select(_ =>
            random.NextDouble() < scenario.Unstable ? 0.1 + 0.8 * random.NextDouble()
            : random.NextDouble() < always ? 1.0 : 0.0).ToArray();
    }

    private static ScoreComparison Trial(double[] solve, Func<double, double> candidate, int samples, Random random)
    {
        int baseCorrect = 0, candidateCorrect = 0, down = 0, up = 0;
        foreach (var p in solve)
            for (var s = 0; s < samples; s++)
            {
                var b = random.NextDouble() < p;
                var c = random.NextDouble() < candidate(p);
                baseCorrect += b ? 1 : 0;
                candidateCorrect += c ? 1 : 0;
                if (b && !c) down++;
                if (!b && c) up++;
            }
        var n = solve.Length * samples;
        return new ScoreComparison("simulated", false, solve.Length, n, 0, baseCorrect / (double)n, candidateCorrect / (double)n,
            new Interval(0, 0), down, up, McNemar.ExactPValue(down, up));
    }
}
