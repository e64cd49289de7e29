using SIaM.Perf.Gate;
using SIaM.Reporting.Gating;

namespace SIaM.Reporting.Tests.Gating;

public sealed class GateSimulationTests
{
    [Test]
    public void Gate_validation_table_keeps_false_alarms_at_most_5_percent_and_reaches_80_percent_power_where_reruns_are_stable()
    {
        var rows = GateValidationTable.Compute(trials: 400, seed: 1);
        TestContext.Out.WriteLine(GateValidationTable.Markdown(rows));

        Assert.That(rows.Select(r => r.FalseAlarm), Has.All.LessThanOrEqualTo(0.05));
        var stableGreedy = rows.Single(r => r.Scenario is { Unstable: 0.1, SamplesPerProblem: 1 } && r.Threshold.MaxDropPoints == 0.5);
        Assert.That(stableGreedy.Power, Is.GreaterThanOrEqualTo(0.80));
        var unstableFourSamples = rows.Single(r => r.Scenario is { Unstable: 0.5, SamplesPerProblem: 4 } && r.Threshold.MaxDropPoints == 0.5);
        Assert.That(unstableFourSamples.Power, Is.GreaterThanOrEqualTo(0.80));
    }

    [Test]
    public void Simulation_is_reproducible_for_a_seed()
    {
        var scenario = new GateScenario(200, 0.75, 0.25, 1);

        var first = GateSimulation.Run(scenario, new GateThreshold(1, 0.05), 2, trials: 50, seed: 3);
        var again = GateSimulation.Run(scenario, new GateThreshold(1, 0.05), 2, trials: 50, seed: 3);

        Assert.That(again, Is.EqualTo(first));
    }
}
