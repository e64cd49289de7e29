using SIaM.Core.Runs;
using SIaM.Reporting.Runs;

namespace SIaM.Reporting.Viewer;

/// <summary>One sample as the viewer shows it (short names keep a 10,000-sample page small).</summary>
/// <param name="B">Benchmark.</param>
/// <param name="Id">Problem id.</param>
/// <param name="I">Problem index.</param>
/// <param name="S">Sample index.</param>
/// <param name="C">The rule's verdict.</param>
/// <param name="X">Extracted answer.</param>
/// <param name="M">Extraction method.</param>
/// <param name="R">Reference.</param>
/// <param name="P">Grader path.</param>
/// <param name="Np">Normalised prediction.</param>
/// <param name="Nr">Normalised reference.</param>
/// <param name="T">Completion (its tool rounds included).</param>
/// <param name="K">The program, when one was run.</param>
/// <param name="E">Executions.</param>
/// <param name="St">Completion status, when not ok.</param>
/// <param name="Err">Error, when there was one.</param>
/// <param name="Cv">Critic verdict.</param>
/// <param name="Py">Critic P(YES).</param>
/// <param name="Ph">Prompt hash.</param>
public sealed record ViewerSample(
    string B, string Id, int I, int S, bool? C, string? X, string M, string R, string P, string? Np, string? Nr, string T, string? K,
    IReadOnlyList<ViewerExecution> E, string? St, string? Err, string? Cv, double? Py, string Ph)
{
    /// <summary>The sample with its critic verdict, if any.</summary>
    public static ViewerSample Of(SampleRecord s, CritiqueVerdict? critic) => new(
        s.Benchmark, s.Id, s.Index, s.Sample, s.Correct, s.Extracted, s.ExtractionMethod, s.Reference, s.Path, s.NormalizedPrediction,
        s.NormalizedReference, s.Completion, s.Code, s.Executions.Select(ViewerExecution.Of).ToList(),
        s.CompletionStatus == Core.Backends.CompletionStatus.Ok ? null : Snake(s.CompletionStatus.ToString()), s.Error,
        critic is null ? null : Snake(critic.Verdict.ToString()), critic?.PYes, s.PromptHash);

    internal static string Snake(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
