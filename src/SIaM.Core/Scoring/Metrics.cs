namespace SIaM.Core.Scoring;

/// <summary>Pure metrics over per-problem scores.</summary>
public static class Metrics
{
    /// <summary>The mean of <paramref name="scores"/>, or 0 for none.</summary>
    public static double Mean(IReadOnlyList<double> scores) => scores.Count == 0 ? 0 : scores.Sum() / scores.Count;

    /// <summary>Standard error of the mean (sample standard deviation / √n); 0 for fewer than two scores.</summary>
    public static double StandardError(IReadOnlyList<double> scores)
    {
        if (scores.Count < 2) return 0;
        var mean = Mean(scores);
        var variance = scores.Sum(s => (s - mean) * (s - mean)) / (scores.Count - 1);
        return Math.Sqrt(variance / scores.Count);
    }
}
