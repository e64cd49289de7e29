using SIaM.Core.Benchmarks;

namespace SIaM.SelfImprovement.Synthetic;

/// <summary>How much of a family the loop is shown: the tiers its evaluation suites are named after.</summary>
public enum FamilyTier
{
    /// <summary>Programs shown: the seed set holds questions of the family with their programs.</summary>
    Seed,
    /// <summary>Answers only: the pool holds questions of the family with answers, no programs.</summary>
    AnswerOnly,
    /// <summary>In neither the seed set nor the pool: new frames and wording, the same operations.</summary>
    Unseen,
}

/// <summary>A kind of word problem: draws numbers, words the question in English or Chinese, and writes the program.</summary>
public sealed record ProblemFamily(string Name, FamilyTier Tier, Func<Random, Language, ProblemDraft> Draw);

/// <summary>
/// A question with its values; the program assigns the values to a, b, c and prints <see cref="Expression"/>.
/// <paramref name="Frame"/> numbers the family's sentence frame: (family, frame, values) identify the program.
/// </summary>
public sealed record ProblemDraft(int Frame, string Question, IReadOnlyList<int> Values, string Expression, string Answer)
{
    /// <summary>The reference program.</summary>
    public string Program =>
        string.Concat(Values.Select((v, i) => $"{(char)('a' + i)} = {v}\n")) + $"print({Expression})\n";
}
