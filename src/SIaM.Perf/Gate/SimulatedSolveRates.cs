using SIaM.Reporting.Comparing;
using SIaM.Reporting.Statistics;

namespace SIaM.Perf.Gate;

/// <summary>
/// The simulated solve rates of the gate's validation: per problem a solve probability (a share of unstable problems solved
/// with a probability drawn uniformly from [0.1, 0.9], the rest always or never, so that the mean is the accuracy), and
/// reruns drawn sample by sample. A candidate with a true drop scales every probability down.
/// </summary>
public static class SimulatedSolveRates
{
    /// <summary>Solve probabilities of <paramref name="problems"/> problems at mean <paramref name="accuracy"/>.</summary>
    public static double[] SolveProbabilities(int problems, double accuracy, double unstable, Random random)
    {
        // Unstable problems average 0.5; the stable ones are solved always or never so that the mean is the accuracy.
        var always = (accuracy - unstable * 0.5) / (1 - unstable);
        var solve = new double[problems];
        for (var i = 0; i < problems; i++)
            solve[i] = random.NextDouble() < unstable ? 0.1 + 0.8 * random.NextDouble() : random.NextDouble() < always ? 1.0 : 0.0;
        return solve;
    }

    /// <summary>The factor that lowers the mean solve probability from <paramref name="accuracy"/> by <paramref name="dropPoints"/> points.</summary>
    public static double Scale(double accuracy, double dropPoints) => (accuracy - dropPoints / 100) / accuracy;

    /// <summary>
    /// One rerun of the base model against a candidate whose probabilities are scaled by <paramref name="candidateScale"/>,
    /// <paramref name="samples"/> sample pairs per problem, with the flips counted pair by pair.
    /// </summary>
    public static (PairedProblems Problems, int CorrectToWrong, int WrongToCorrect) Compare(double[] solve, double candidateScale, int samples, Random random)
    {
        var m = solve.Length;
        var baseCorrect = new int[m];
        var candidateCorrect = new int[m];
        var counts = new int[m];
        int down = 0, up = 0;
        for (var i = 0; i < m; i++)
        {
            var p = solve[i];
            var q = p * candidateScale;
            counts[i] = samples;
            for (var s = 0; s < samples; s++)
            {
                var b = p >= 1 || (p > 0 && random.NextDouble() < p);
                var c = q >= 1 || (q > 0 && random.NextDouble() < q);
                if (b) baseCorrect[i]++;
                if (c) candidateCorrect[i]++;
                if (b && !c) down++;
                if (!b && c) up++;
            }
        }
        return (new PairedProblems(baseCorrect, candidateCorrect, counts), down, up);
    }

    /// <summary>Correct samples per problem of one run at probabilities scaled by <paramref name="scale"/>.</summary>
    public static int[] Run(double[] solve, double scale, int samples, Random random)
    {
        var correct = new int[solve.Length];
        for (var i = 0; i < solve.Length; i++)
        {
            var q = solve[i] * scale;
            if (q >= 1) { correct[i] = samples; continue; }
            if (q <= 0) continue;
            for (var s = 0; s < samples; s++) if (random.NextDouble() < q) correct[i]++;
        }
        return correct;
    }

    /// <summary>The comparison row the real comparer would build from these outcomes (without the bootstrap interval, which the gate does not use).</summary>
    public static ScoreComparison Row(string name, bool isSuite, PairedProblems problems, int down, int up)
    {
        var statistics = PairedDifference.Of(problems, down, up);
        var pairs = problems.Samples.Sum();
        var baseAccuracy = pairs == 0 ? 0 : problems.BaseCorrect.Sum() / (double)pairs;
        return new ScoreComparison(name, isSuite, problems.Count, pairs, 0, baseAccuracy, baseAccuracy + statistics.Delta,
            new Interval(0, 0), down, up, statistics.PValue, statistics);
    }
}
