using SIaM.Reporting.Comparing;
using SIaM.Reporting.Gating;
using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Tables;

/// <summary>
/// One benchmark or suite of one run (PassAtK: pass@n for the largest n &gt; 1 the run computed), with its 95% interval
/// (Wilson with one sample per problem; clustered by problem with several) and, when a baseline is given, the comparison
/// and gate verdict; <see cref="Detail"/> holds the columns of the run's own summary. <see cref="PassAtKInterval"/> and
/// <see cref="MajAtKInterval"/> (maj@k at the same k, <see cref="MajAtK"/>) are clustered 95% intervals over problems.
/// </summary>
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
    RowDetail? Detail = null,
    Interval? PassAtKInterval = null,
    double? MajAtK = null,
    Interval? MajAtKInterval = null);
