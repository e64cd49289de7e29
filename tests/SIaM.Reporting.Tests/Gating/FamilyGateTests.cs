using SIaM.Data;
using SIaM.Perf.Gate;
using SIaM.Reporting.Gating;

namespace SIaM.Reporting.Tests.Gating;

/// <summary>The nightly's family: every benchmark of suite "all" at its real size plus the suites, with the shipped gate.yaml.</summary>
public sealed class FamilyGateTests
{
    private static readonly FamilySimulation.Settings NoDrift = new(Drift: false);

    internal static SimulatedFamily AllSuite()
    {
        var ids = Suites.Expand("all");
        return new SimulatedFamily(ids.Select(id => (id, BenchmarkRegistry.Get(id).Manifest.Records)).ToList(),
            Suites.All.Where(s => s.Value.All(ids.Contains)).ToDictionary(s => s.Key, s => s.Value));
    }

    internal static GatePolicy ShippedGate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "SIaM.sln")))
                return GateFile.Read(Path.Combine(directory.FullName, "examples", "nightly", "gate.yaml"), new GateThreshold(0.5, 0.05));
        throw new DirectoryNotFoundException("no SIaM.sln above the test assembly");
    }

    [TestCase(1, 0.1)]
    [TestCase(4, 0.5)]
    public void Identical_models_fail_the_nightly_on_at_most_5_percent_of_nights(int samples, double unstable)
    {
        var family = AllSuite();

        var result = FamilySimulation.Run(family, new FamilyScenario(unstable, samples), ShippedGate(), NoDrift, trials: 160, seed: samples);
        TestContext.Out.WriteLine($"{family.Rows} rows, n = {samples}, {unstable:P0} unstable: family-wise false alarm {result.FamilyFalseAlarm:0.000}");

        Assert.That(family.Rows, Is.EqualTo(36));
        Assert.That(result.FamilyFalseAlarm, Is.LessThanOrEqualTo(0.05));
    }

    [Test]
    public void A_true_2_point_drop_on_the_in_domain_suites_is_caught_with_80_percent_power_at_n_4_and_every_row_states_what_it_detects()
    {
        var result = FamilySimulation.Run(AllSuite(), new FamilyScenario(0.25, 4), ShippedGate(), NoDrift, trials: 60, seed: 5);

        foreach (var suite in new[] { "en-id", "zh-id" })
            Assert.That(result.Rows.Single(r => r.Name == suite).Power, Is.GreaterThanOrEqualTo(0.80), suite);
        Assert.That(result.Rows.Select(r => r.DetectableDropPoints), Has.All.GreaterThan(0));
        Assert.That(result.Rows.Single(r => r.Name == "aime24").UnderPowered, Is.EqualTo(1.0), "30 problems cannot find a 5-point drop");
    }

    [Test]
    public void Without_family_wise_control_the_same_nights_go_red_far_more_often()
    {
        // The control: per-row gating at α = 0.05 over the same 36 rows, same seed.
        var perRow = ShippedGate() with { Family = GateFamily.PerRow };
        var family = AllSuite();

        var uncontrolled = FamilySimulation.Run(family, new FamilyScenario(0.1, 1), perRow, NoDrift, trials: 100, seed: 1);
        var controlled = FamilySimulation.Run(family, new FamilyScenario(0.1, 1), ShippedGate(), NoDrift, trials: 100, seed: 1);

        Assert.That(uncontrolled.FamilyFalseAlarm, Is.GreaterThan(2 * Math.Max(controlled.FamilyFalseAlarm, 0.05)));
    }
}
