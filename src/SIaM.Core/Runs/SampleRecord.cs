using System.Text.Json.Serialization;
using SIaM.Core.Backends;
using SIaM.Core.Sandbox;

namespace SIaM.Core.Runs;

/// <summary>
/// One line of <c>samples.jsonl</c>: one problem × sample, everything needed to audit its grade. Two runs pair a sample
/// only when <see cref="ProblemHash"/>, <see cref="ReferenceHash"/> and <see cref="PromptHash"/> agree
/// (<see cref="ContentHashes"/>); the first two are null in samples written by schema version 1.
/// </summary>
public sealed record SampleRecord(
    string Id,
    string Benchmark,
    int Index,
    int Sample,
    string PromptHash,
    CompletionStatus CompletionStatus,
    string Completion,
    string? Code,
    IReadOnlyList<ExecutionRecord> Executions,
    string? Extracted,
    string ExtractionMethod,
    string Reference,
    bool? Correct,
    string Path,
    string? NormalizedPrediction,
    string? NormalizedReference,
    string? Error,
    string? ProblemHash = null,
    string? ReferenceHash = null)
{
    /// <summary>The key that identifies the sample within a run.</summary>
    [JsonIgnore]
    public (string Id, int Sample) Key => (Id, Sample);

    /// <summary>True when the sample is final: a resumed run keeps it instead of redoing it.</summary>
    [JsonIgnore]
    public bool IsFinal => CompletionStatus == CompletionStatus.Ok
                           && Executions.All(e => e.Status != ExecStatus.SandboxFailure);
}

/// <summary>
/// One program run for a sample. It carries no timing, so that the same inputs and seed give byte-identical samples
/// (run time is in <c>results.json</c>'s <c>timing</c>).
/// </summary>
public sealed record ExecutionRecord(ExecStatus Status, int? ExitCode, string Stdout, string Stderr, bool Truncated)
{
    /// <summary>Records an executor result.</summary>
    public static ExecutionRecord From(ExecResult result) =>
        new(result.Status, result.ExitCode, result.Stdout, result.Stderr, result.Truncated);
}
