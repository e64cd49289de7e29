namespace SIaM.Perf.Gate;

/// <summary>The family of rows a nightly gates: benchmarks with their sizes, and suites of them.</summary>
public sealed record SimulatedFamily(IReadOnlyList<(string Name, int Problems)> Benchmarks, IReadOnlyDictionary<string, IReadOnlyList<string>> Suites)
{
    /// <summary>Benchmark rows plus suite rows.</summary>
    public int Rows => Benchmarks.Count + Suites.Count;

    /// <summary>Problems of a suite.</summary>
    public int ProblemsOf(string suite) => Suites[suite].Sum(b => Benchmarks.First(x => x.Name == b).Problems);
}

/// <summary>The model of one cell of the family simulation: share of unstable problems, samples per problem, mean accuracy.</summary>
public sealed record FamilyScenario(double Unstable, int SamplesPerProblem, double Accuracy = 0.6);

/// <summary>What a row of the family achieves in one scenario.</summary>
/// <param name="Name">Benchmark or suite.</param>
/// <param name="IsSuite">True for a suite.</param>
/// <param name="Problems">Its problems.</param>
/// <param name="Power">Share of nights with a true drop (every benchmark) in which it failed.</param>
/// <param name="DriftPower">Share of drifting series in which the drift detector flagged it.</param>
/// <param name="DetectableDropPoints">Mean minimum detectable drop the gate stated for it on reruns of one model.</param>
/// <param name="UnderPowered">Share of reruns in which the gate marked it under-powered.</param>
public sealed record FamilyRowResult(
    string Name, bool IsSuite, int Problems, double Power, double DriftPower, double DetectableDropPoints, double UnderPowered);

/// <summary>The family simulation of one scenario.</summary>
/// <param name="Scenario">The model.</param>
/// <param name="Trials">Simulated nights (and series) per column.</param>
/// <param name="FamilyFalseAlarm">Share of reruns of one model in which any row failed.</param>
/// <param name="AnyRowPower">Share of nights with a true drop in which some row failed.</param>
/// <param name="DriftFalseAlarm">Share of flat series the drift detector flagged.</param>
/// <param name="DriftPower">Share of drifting series the drift detector flagged (any row).</param>
/// <param name="Rows">Per row.</param>
public sealed record FamilySimulationResult(
    FamilyScenario Scenario, int Trials, double FamilyFalseAlarm, double AnyRowPower, double DriftFalseAlarm, double DriftPower,
    IReadOnlyList<FamilyRowResult> Rows);
