namespace SIaM.Core.Benchmarks;

/// <summary>The shape of a benchmark's reference answers; it guides extraction and equivalence.</summary>
public enum AnswerKind
{
    /// <summary>A single number (integer, decimal, fraction or percentage).</summary>
    Number,
    /// <summary>A mathematical expression, usually LaTeX (intervals, tuples, radicals, …).</summary>
    Expression,
    /// <summary>A multiple-choice letter (A–E); the options are in <see cref="Problem.Choices"/>.</summary>
    Choice,
    /// <summary>Several blanks, compared blank by blank; the reference separates them with ";".</summary>
    MultiBlank,
    /// <summary>A list of answers (e.g. OlympiadBench final_answer), compared as a set or tuple.</summary>
    List,
}
