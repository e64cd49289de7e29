using SIaM.Core.Benchmarks;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;

namespace SIaM.Critique;

/// <summary>What a critic reads about one sample.</summary>
/// <param name="Id">The problem id.</param>
/// <param name="Sample">The sample index.</param>
/// <param name="Benchmark">The benchmark id.</param>
/// <param name="Language">Selects the critic prompt's language.</param>
/// <param name="Question">The problem.</param>
/// <param name="Reference">The reference answer.</param>
/// <param name="Code">The program the model wrote, if any.</param>
/// <param name="Output">What the program printed (or the last line of its error), if it ran.</param>
/// <param name="Answer">The extracted answer, if any (shown when there is no program, e.g. <c>cot</c>).</param>
/// <param name="Completion">The model's whole response (read by the invalid-response rules).</param>
public sealed record CritiqueCase(
    string Id,
    int Sample,
    string Benchmark,
    Language Language,
    string Question,
    string Reference,
    string? Code,
    string? Output,
    string? Answer,
    string Completion)
{
    /// <summary>The case of a recorded sample.</summary>
    public static CritiqueCase From(SampleRecord record, string question, Language language)
    {
        var last = record.Executions.Count > 0 ? record.Executions[^1] : null;
        var output = last is null ? null
            : last.Status == ExecStatus.Ok ? last.Stdout
            : last.Stderr.TrimEnd().Split('\n')[^1];
        return new CritiqueCase(record.Id, record.Sample, record.Benchmark, language, question, record.Reference,
            record.Code, output, record.Extracted, record.Completion);
    }
}
