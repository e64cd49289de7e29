using SIaM.Core.Scoring;

namespace SIaM.Reporting.Statistics;

/// <summary>
/// The paired statistics of one row, clustered by problem: the accuracy change, its clustered standard error, the
/// test of "no change" and the standard error that test works with.
/// </summary>
/// <param name="Delta">Candidate − base accuracy over samples.</param>
/// <param name="StandardError">Clustered standard error of the change: the standard error of the per-problem mean differences.</param>
/// <param name="NaiveStandardError">The standard error that treats every sample pair as independent (for comparison; too small when n &gt; 1).</param>
/// <param name="NullStandardError">√Σdᵢ² / problems: the spread of the mean difference under the sign-flip null; the power calculation uses it.</param>
/// <param name="PValue">Two-sided p of the paired test.</param>
/// <param name="Test">Which test gave <paramref name="PValue"/>.</param>
/// <param name="CorrectToWrong">Sample flips from correct to wrong (only determinable per sample pair; counted per problem as the shortfall).</param>
/// <param name="WrongToCorrect">Sample flips from wrong to correct.</param>
/// <param name="SamplesPerProblem">Largest number of sample pairs of one problem.</param>
public sealed record PairedDifference(
    double Delta, double StandardError, double NaiveStandardError, double NullStandardError, double PValue, string Test,
    int CorrectToWrong, int WrongToCorrect, int SamplesPerProblem)
{
    /// <summary>Name of the exact McNemar test (one sample per problem).</summary>
    public const string McNemarTest = "exact McNemar";

    /// <summary>
    /// The statistics of <paramref name="problems"/>. One sample per problem: exact McNemar on the flips (given by
    /// <paramref name="correctToWrong"/> and <paramref name="wrongToCorrect"/>). Several: the paired sign-flip
    /// permutation test over problems on the per-problem differences.
    /// </summary>
    public static PairedDifference Of(PairedProblems problems, int correctToWrong, int wrongToCorrect)
    {
        var m = problems.Count;
        var differences = new double[m];
        int pairs = 0, baseCorrect = 0, candidateCorrect = 0, most = 0, fewest = int.MaxValue;
        var squares = 0.0;
        for (var i = 0; i < m; i++)
        {
            differences[i] = problems.Difference(i);
            squares += differences[i] * differences[i];
            pairs += problems.Samples[i];
            baseCorrect += problems.BaseCorrect[i];
            candidateCorrect += problems.CandidateCorrect[i];
            most = Math.Max(most, problems.Samples[i]);
            fewest = Math.Min(fewest, problems.Samples[i]);
        }
        var delta = pairs == 0 ? 0 : (candidateCorrect - baseCorrect) / (double)pairs;
        var flips = correctToWrong + wrongToCorrect;
        // Each sample pair's difference is −1, 0 or +1: its variance is flips/pairs − δ².
        var naive = pairs < 2 ? 0 : Math.Sqrt(Math.Max(0, flips / (double)pairs - delta * delta) / (pairs - 1));
        var nullSe = m == 0 ? 0 : Math.Sqrt(squares) / m;
        string test;
        double p;
        if (most <= 1) { p = McNemar.ExactPValue(correctToWrong, wrongToCorrect); test = McNemarTest; }
        else if (most == fewest)
        {
            var scores = new int[m];
            for (var i = 0; i < m; i++) scores[i] = problems.CandidateCorrect[i] - problems.BaseCorrect[i];
            p = SignFlipTest.PValue(scores, out var exact);
            test = exact ? "sign-flip permutation over problems (exact)" : "sign-flip permutation over problems (normal approx.)";
        }
        else { p = SignFlipTest.PValue(differences); test = "sign-flip permutation over problems (normal approx.)"; }
        return new PairedDifference(delta, Metrics.StandardError(differences), naive, nullSe, p, test, correctToWrong, wrongToCorrect, most);
    }
}
