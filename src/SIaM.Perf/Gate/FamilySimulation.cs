using SIaM.Reporting.Comparing;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Statistics;

namespace SIaM.Perf.Gate;

/// <summary>
/// Simulates what a nightly gates: every benchmark and suite compared at once under a gate policy. Reruns of one model
/// give the family-wise false alarm; a true drop on every benchmark gives the power per row; series of nightly
/// checkpoints, flat or drifting, validate the drift detector. The decisions are the real ones (the comparer's paired
/// test, <see cref="RegressionGate"/>, <see cref="DriftGate"/>). Deterministic for a seed.
/// </summary>
public static class FamilySimulation
{
    /// <summary>Settings of the drop and drift columns.</summary>
    public sealed record Settings(double TrueDropPoints = 2, double DriftPointsPerNight = 0.5, int Nights = 6, double DriftAlpha = 0.05, bool Drift = true);

    /// <summary>Simulates <paramref name="trials"/> nights and series of one scenario.</summary>
    public static FamilySimulationResult Run(SimulatedFamily family, FamilyScenario scenario, GatePolicy policy, Settings settings, int trials, int seed)
    {
        var random = new Random(seed);
        var rows = family.Rows;
        int falseNights = 0, caughtNights = 0, driftFalse = 0, driftCaught = 0;
        var rowCaught = new int[rows];
        var rowDrift = new int[rows];
        var rowDetectable = new double[rows];
        var rowUnder = new int[rows];
        var scale = SimulatedSolveRates.Scale(scenario.Accuracy, settings.TrueDropPoints);
        for (var t = 0; t < trials; t++)
        {
            var solve = family.Benchmarks
                .Select(b => SimulatedSolveRates.SolveProbabilities(b.Problems, scenario.Accuracy, scenario.Unstable, random))
                .ToList();
            var same = Night(family, solve, 1, scenario.SamplesPerProblem, policy, random);
            if (same.Any(v => v.Failed)) falseNights++;
            for (var r = 0; r < rows; r++) { rowDetectable[r] += same[r].MinimumDetectableDropPoints; rowUnder[r] += same[r].UnderPowered ? 1 : 0; }
            var worse = Night(family, solve, scale, scenario.SamplesPerProblem, policy, random);
            if (worse.Any(v => v.Failed)) caughtNights++;
            for (var r = 0; r < rows; r++) rowCaught[r] += worse[r].Failed ? 1 : 0;
            if (!settings.Drift) continue;
            if (Series(family, solve, scenario, 0, settings, random).Any(v => v.Flagged)) driftFalse++;
            var drifting = Series(family, solve, scenario, settings.DriftPointsPerNight, settings, random);
            if (drifting.Any(v => v.Flagged)) driftCaught++;
            for (var r = 0; r < rows; r++) rowDrift[r] += drifting[r].Flagged ? 1 : 0;
        }
        var names = family.Benchmarks.Select(b => (b.Name, false, b.Problems)).Concat(family.Suites.Keys.Select(s => (s, true, family.ProblemsOf(s)))).ToList();
        var results = names.Select((n, r) => new FamilyRowResult(n.Item1, n.Item2, n.Item3, rowCaught[r] / (double)trials, rowDrift[r] / (double)trials,
            rowDetectable[r] / trials, rowUnder[r] / (double)trials)).ToList();
        return new FamilySimulationResult(scenario, trials, falseNights / (double)trials, caughtNights / (double)trials,
            driftFalse / (double)trials, driftCaught / (double)trials, results);
    }

    // One comparison of every benchmark and suite: base rerun vs a candidate at probabilities × scale.
    private static IReadOnlyList<GateVerdict> Night(SimulatedFamily family, List<double[]> solve, double scale, int samples, GatePolicy policy, Random random)
    {
        var draws = solve.Select(s => SimulatedSolveRates.Compare(s, scale, samples, random)).ToList();
        var byName = family.Benchmarks.Select((b, i) => (b.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var benchmarks = family.Benchmarks
            .Select((b, i) => SimulatedSolveRates.Row(b.Name, false, draws[i].Problems, draws[i].CorrectToWrong, draws[i].WrongToCorrect)).ToList();
        var suites = family.Suites.Select(s =>
        {
            var members = s.Value.Select(b => draws[byName[b]]).ToList();
            return SimulatedSolveRates.Row(s.Key, true, PairedProblems.Concat(members.Select(d => d.Problems)),
                members.Sum(d => d.CorrectToWrong), members.Sum(d => d.WrongToCorrect));
        }).ToList();
        var comparison = new RunComparison("base", "candidate", policy.Default.Alpha, benchmarks, suites, [], [], family.Suites);
        return RegressionGate.Evaluate(comparison, policy);
    }

    // Nightly checkpoints losing driftPoints a night (0: flat reruns of one model), fitted by the drift detector.
    private static IReadOnlyList<TrendVerdict> Series(SimulatedFamily family, List<double[]> solve, FamilyScenario scenario, double driftPoints,
        Settings settings, Random random)
    {
        var nights = Enumerable.Range(0, settings.Nights).Select(night => solve.Select(s =>
            SimulatedSolveRates.Run(s, SimulatedSolveRates.Scale(scenario.Accuracy, driftPoints * night), scenario.SamplesPerProblem, random))
            .ToList()).ToList();
        var byName = family.Benchmarks.Select((b, i) => (b.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var rows = family.Benchmarks.Select((b, i) => new TrendRow(b.Name, false,
            TrendTest.Of(nights.Select(n => n[i]).ToList(), Samples(b.Problems, scenario.SamplesPerProblem)))).ToList();
        rows.AddRange(family.Suites.Select(s => new TrendRow(s.Key, true, TrendTest.Of(
            nights.Select(n => s.Value.SelectMany(b => n[byName[b]]).ToArray()).ToList(),
            Samples(family.ProblemsOf(s.Key), scenario.SamplesPerProblem)))));
        return DriftGate.Evaluate(rows, settings.DriftAlpha);
    }

    private static int[] Samples(int problems, int samples) => Enumerable.Repeat(samples, problems).ToArray();
}
