using SIaM.Perf.Gate;
using SIaM.Reporting.Gating;

namespace SIaM.Reporting.Tests.Gating;

public sealed class DriftTests
{
    [Test]
    public void Half_a_point_a_night_over_6_nights_is_caught_with_80_percent_power_and_flat_series_stay_below_5_percent()
    {
        // One GSM8K-sized benchmark alone (its own budget), one sample per problem, a quarter of the problems unstable.
        var family = new SimulatedFamily([("gsm8k", 1319)], new Dictionary<string, IReadOnlyList<string>>());

        var result = FamilySimulation.Run(family, new FamilyScenario(0.25, 1), GatePolicy.Uniform(new GateThreshold(0.5, 0.05)),
            new FamilySimulation.Settings(), trials: 300, seed: 7);
        TestContext.Out.WriteLine($"drift caught {result.DriftPower:0.000}, flat flagged {result.DriftFalseAlarm:0.000}");

        Assert.That(result.DriftPower, Is.GreaterThanOrEqualTo(0.80));
        Assert.That(result.DriftFalseAlarm, Is.LessThanOrEqualTo(0.05));
    }

    [Test]
    public void Over_the_whole_family_the_drift_detector_keeps_its_own_budget()
    {
        var result = FamilySimulation.Run(FamilyGateTests.AllSuite(), new FamilyScenario(0.25, 1), FamilyGateTests.ShippedGate(),
            new FamilySimulation.Settings(), trials: 40, seed: 8);

        Assert.That(result.DriftFalseAlarm, Is.LessThanOrEqualTo(0.05));
        Assert.That(result.DriftPower, Is.GreaterThanOrEqualTo(0.80));
    }
}
