using SIaM.Reporting.Comparing;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Tests.Comparing;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Fixtures;

/// <summary>
/// The report context of the fixed base and candidate runs, the candidate labelled in Chinese. The gate judges each row
/// alone (per-row family) so that the reports show a regression: with Holm over the four rows gsm8k's p = 0.039 becomes
/// 0.156 and passes (RegressionGateTests covers that).
/// </summary>
internal static class FixedReport
{
    public static ReportContext Build(TempDirectory temp, bool withBaseline = true)
    {
        var baseRun = RunComparerTests.Named(temp, "base", TestRuns.BaseSamples(), step: 1000);
        var candidate = new NamedRun("cand", Core.Runs.RunLog.Read(TestRuns.Write(temp.File("cand"), "检查点-2000", 2000, TestRuns.CandidateSamples())));
        return withBaseline
            ? ReportBuilder.Build([candidate], baseRun, GatePolicy.Uniform(new GateThreshold(1, 0.05), GateFamily.PerRow), 0.05, seed: 42)
            : ReportBuilder.Build([baseRun, candidate], null, null, 0.05, seed: 42);
    }
}
