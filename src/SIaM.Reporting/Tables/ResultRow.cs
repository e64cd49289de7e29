using SIaM.Reporting.Comparing;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tables;

/// <summary>One benchmark or suite of one run (PassAtK: pass@n for the largest n > 1 the run computed), with its 95% Wilson interval and, when a baseline is given, the comparison and gate verdict; <see cref="Detail"/> holds the columns of the run's own summary.</summary>
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
    GateVerdict? Gate,
    RowDetail? Detail = null);
