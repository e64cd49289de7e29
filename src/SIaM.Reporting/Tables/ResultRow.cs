using SIaM.Reporting.Comparing;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tables;

/// <summary>One benchmark or suite of one run, with its 95% Wilson interval and, when a baseline is given, the comparison and gate verdict.</summary>
public sealed record ResultRow(
    string Run,
    string Name,
    bool IsSuite,
    int N,
    int Graded,
    int Correct,
    double Accuracy,
    Interval Interval,
    double? PassAtK,
    int Missing,
    int Errors,
    int SandboxFailures,
    ScoreComparison? VsBaseline,
    GateVerdict? Gate);
