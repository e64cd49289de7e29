using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Comparing;

/// <summary>
/// Base vs candidate on one benchmark or suite, over graded pairs only. Accuracies are means over samples; the
/// bootstrap resamples problems; the p-value is exact McNemar on the sample flips for one sample per problem, else the
/// paired sign-flip test over problems (<see cref="PairedDifference"/>).
/// </summary>
/// <param name="Name">Benchmark id or suite name.</param>
/// <param name="IsSuite">True for a suite row.</param>
/// <param name="Problems">Problems with at least one graded pair.</param>
/// <param name="Pairs">Graded sample pairs.</param>
/// <param name="NotComparable">Samples left out (missing on one side or hashes differ).</param>
/// <param name="BaseAccuracy">Base accuracy over the pairs.</param>
/// <param name="CandidateAccuracy">Candidate accuracy over the pairs.</param>
/// <param name="DeltaInterval">Bootstrap (1 − alpha) interval of candidate − base.</param>
/// <param name="CorrectToWrong">Sample flips from correct to wrong.</param>
/// <param name="WrongToCorrect">Sample flips from wrong to correct.</param>
/// <param name="PValue">Two-sided p-value of the paired test (<see cref="Paired"/>: which one).</param>
/// <param name="Paired">The clustered statistics behind <paramref name="PValue"/>; null for a row built by hand.</param>
public sealed record ScoreComparison(
    string Name, bool IsSuite, int Problems, int Pairs, int NotComparable,
    double BaseAccuracy, double CandidateAccuracy, Interval DeltaInterval,
    int CorrectToWrong, int WrongToCorrect, double PValue, PairedDifference? Paired = null)
{
    /// <summary>Samples per problem (1 when unknown).</summary>
    public int SamplesPerProblem => Paired?.SamplesPerProblem ?? 1;

    /// <summary>Name of the test behind <see cref="PValue"/>.</summary>
    public string Test => Paired?.Test ?? PairedDifference.McNemarTest;

    /// <summary>Candidate − base accuracy.</summary>
    public double Delta => CandidateAccuracy - BaseAccuracy;
}
