using SIaM.Core.Benchmarks;

namespace SIaM.Core.Grading;

/// <summary>Takes the final answer out of model output. Pure, total (never throws) and bounded in time and size.</summary>
public interface IAnswerExtractor
{
    /// <summary>The answer a program printed (last meaningful line, Python reprs understood).</summary>
    ExtractedAnswer FromProgramOutput(string stdout, AnswerKind kind);

    /// <summary>The answer stated in text: <c>\boxed{}</c>, answer phrases (EN/ZH), choice letters, then the last number.</summary>
    ExtractedAnswer FromText(string text, AnswerKind kind);

    /// <summary>The answer stated in text for <paramref name="problem"/>; an extractor may use its reference's form (math or
    /// words) to choose a step, never its value.</summary>
    ExtractedAnswer FromText(string text, Problem problem) => FromText(text, problem.AnswerKind);
}
