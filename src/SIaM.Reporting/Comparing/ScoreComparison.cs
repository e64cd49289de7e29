using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Comparing;

/// <summary>
/// Base vs candidate on one benchmark or suite, over graded pairs only. Accuracies are means over samples; the
/// bootstrap resamples problems; McNemar counts the sample flips.
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
/// <param name="PValue">Exact two-sided McNemar p-value on the flips.</param>
public sealed record ScoreComparison(
    string Name, bool IsSuite, int Problems, int Pairs, int NotComparable,
    double BaseAccuracy, double CandidateAccuracy, Interval DeltaInterval,
    int CorrectToWrong, int WrongToCorrect, double PValue)
{
    /// <summary>Candidate − base accuracy.</summary>
    public double Delta => CandidateAccuracy - BaseAccuracy;
}
