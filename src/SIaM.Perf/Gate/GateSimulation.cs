using SIaM.Reporting.Gating;

namespace SIaM.Perf.Gate;

/// <summary>
/// Validates the regression gate on one benchmark by simulation: how often reruns of the same sampled model raise a
/// false alarm, and how often a true drop is caught. Each trial draws base and candidate outcomes per sample and runs
/// the real gate decision (the paired test of the comparer + threshold) on them. Deterministic for a seed.
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
        var scale = SimulatedSolveRates.Scale(scenario.Accuracy, trueDropPoints);
        for (var t = 0; t < trials; t++)
        {
            var solve = SimulatedSolveRates.SolveProbabilities(scenario.Problems, scenario.Accuracy, scenario.Unstable, random);
            var same = SimulatedSolveRates.Compare(solve, 1, scenario.SamplesPerProblem, random);
            var worse = SimulatedSolveRates.Compare(solve, scale, scenario.SamplesPerProblem, random);
            flips += same.CorrectToWrong + same.WrongToCorrect;
            var sameRow = SimulatedSolveRates.Row("simulated", false, same.Problems, same.CorrectToWrong, same.WrongToCorrect);
            var worseRow = SimulatedSolveRates.Row("simulated", false, worse.Problems, worse.CorrectToWrong, worse.WrongToCorrect);
            if (RegressionGate.Decide(sameRow, threshold).Failed) falseAlarms++;
            if (RegressionGate.Decide(worseRow, threshold).Failed) caught++;
        }
        return new GateSimulationRow(scenario, threshold, trials, falseAlarms / (double)trials, caught / (double)trials, trueDropPoints,
            flips / (double)trials);
    }
}
