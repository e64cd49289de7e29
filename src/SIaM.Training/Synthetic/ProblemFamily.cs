using SIaM.Core.Benchmarks;

namespace SIaM.Training.Synthetic;

/// <summary>A kind of word problem: draws numbers, words the question in English or Chinese, and writes the program.</summary>
public sealed record ProblemFamily(string Name, bool InDomain, Func<Random, Language, ProblemDraft> Draw);

/// <summary>A question with its values; the program assigns the values to a, b, c and prints <see cref="Expression"/>.</summary>
public sealed record ProblemDraft(string Question, IReadOnlyList<int> Values, string Expression, string Answer)
{
    /// <summary>The reference program.</summary>
    public string Program =>
        string.Concat(Values.Select((v, i) => $"{(char)('a' + i)} = {v}\n")) + $"print({Expression})\n";
}
