namespace SIaM.Reporting.Comparing;

/// <summary>A paired sample whose verdict or output changed.</summary>
public sealed record Flip(FlipKind Kind, SamplePair Pair)
{
    /// <summary>The benchmark.</summary>
    public string Benchmark => Pair.Base.Benchmark;

    /// <summary>The problem id.</summary>
    public string Id => Pair.Base.Id;

    /// <summary>The sample index.</summary>
    public int Sample => Pair.Base.Sample;

    /// <summary>Classifies a pair; null when nothing changed.</summary>
    public static Flip? Of(SamplePair pair)
    {
        var (b, c) = (pair.Base, pair.Candidate);
        if (b.Correct == true && c.Correct == false) return new Flip(FlipKind.CorrectToWrong, pair);
        if (b.Correct == false && c.Correct == true) return new Flip(FlipKind.WrongToCorrect, pair);
        return SampleText.Output(b) == SampleText.Output(c) && b.Completion == c.Completion && b.Code == c.Code
            ? null
            : new Flip(FlipKind.ChangedOutput, pair);
    }
}
