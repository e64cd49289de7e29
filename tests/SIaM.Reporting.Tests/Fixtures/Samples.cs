using SIaM.Core.Backends;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;

namespace SIaM.Reporting.Tests.Fixtures;

/// <summary>Sample records for fixed test runs.</summary>
internal static class Samples
{
    public static SampleRecord Of(string benchmark, int index, bool? correct, string extracted, int sample = 0,
        string? reference = null, string promptHash = "p0", string? completion = null, ExecStatus status = ExecStatus.Ok) =>
        new(Id: $"{benchmark}-{index:D3}", Benchmark: benchmark, Index: index, Sample: sample, PromptHash: $"{promptHash}-{index}",
            ProblemHash: $"problem-{benchmark}-{index}", ReferenceHash: $"reference-{reference ?? $"{index}"}",
            CompletionStatus: CompletionStatus.Ok,
            Completion: completion ?? $"Let me compute.\n```python\nprint({extracted})\n```\nThe answer is \\boxed{{{extracted}}}.",
            Code: $"print({extracted})",
            Executions:
            [
                new ExecutionRecord(status, status == ExecStatus.Ok ? 0 : 1, $"{extracted}\n", status == ExecStatus.Ok ? "" : "Traceback: boom\n", false),
            ],
            Extracted: extracted, ExtractionMethod: "boxed", Reference: reference ?? $"{index}", Correct: correct, Path: "numeric",
            NormalizedPrediction: extracted, NormalizedReference: reference ?? $"{index}", Error: null);
}
