using SIaM.Training.Scoring;

namespace SIaM.Training.Losses;

/// <summary>Guards for losses that divide by response length.</summary>
internal static class Lengths
{
    public static void RequirePositive(SequenceLogProbs logProbs, string loss)
    {
        using var empty = logProbs.Count.le(0).any();
        if (empty.item<bool>()) throw new ArgumentException($"{loss}: a response has no tokens (empty responses are refused)");
    }
}
