using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;

namespace SIaM.Critique.Prompts;

/// <summary>The wording of the critic prompt in one language.</summary>
/// <param name="Language">The language.</param>
/// <param name="System">The system message.</param>
/// <param name="Instruction">What to judge, first in the user turn.</param>
/// <param name="Labels">Section headings: question, reference, program, output, answer.</param>
/// <param name="Ask">The closing question, asking for YES or NO.</param>
/// <param name="AnswerCue">Ends a plain prompt (<see cref="CriticFormat.Plain"/>).</param>
/// <param name="Examples">Worked examples for few-shot prompts.</param>
public sealed record CriticTemplate(
    Language Language,
    string System,
    string Instruction,
    CriticLabels Labels,
    string Ask,
    string AnswerCue,
    IReadOnlyList<CriticExample> Examples)
{
    /// <summary>The key, e.g. <c>critic/en</c>.</summary>
    public string Key => $"critic/{Language.ToString().ToLowerInvariant()}";

    /// <summary>SHA-256 over every text of the template, recorded in the critic's identity.</summary>
    public string Hash => Sha256.Hex(string.Join("\u0000",
        new[] { Key, System, Instruction, Labels.Question, Labels.Reference, Labels.Program, Labels.Output, Labels.Answer, Ask, AnswerCue }
            .Concat(Examples.SelectMany(e => new[]
            {
                e.Case.Question,
                e.Case.Reference,
                e.Case.Code ?? "",
                e.Case.Output ?? "",
                e.Case.Answer ?? "",
                e.Verdict,
            }))));
}

/// <summary>Section headings of a critic prompt.</summary>
public sealed record CriticLabels(string Question, string Reference, string Program, string Output, string Answer);

/// <summary>A worked example: a case and the expected verdict (<c>YES</c> or <c>NO</c>).</summary>
public sealed record CriticExample(CritiqueCase Case, string Verdict);
