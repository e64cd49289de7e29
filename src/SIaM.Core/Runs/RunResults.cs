namespace SIaM.Core.Runs;

/// <summary>The content of <c>results.json</c>. Everything but <see cref="Timing"/> is a pure function of the samples and the spec.</summary>
public sealed record RunResults(
    int SchemaVersion,
    string Status,
    string RunId,
    IReadOnlyDictionary<string, BenchmarkResult> Benchmarks,
    IReadOnlyDictionary<string, SuiteResult> Suites,
    Provenance Provenance,
    RunTiming Timing)
{
    /// <summary>The schema version of <c>results.json</c>; bumped on any incompatible change.</summary>
    public const int CurrentSchemaVersion = 1;
}

/// <summary>Scores of one benchmark.</summary>
/// <param name="Version">The versioned id, e.g. <c>gsm8k@1</c>.</param>
/// <param name="N">Problems evaluated.</param>
/// <param name="Samples">Samples expected (N × k).</param>
/// <param name="Graded">Samples that got a verdict (not missing, not failed).</param>
/// <param name="Correct">Correct samples.</param>
/// <param name="Accuracy">Correct / graded (mean over samples).</param>
/// <param name="StandardError">Standard error of the per-problem mean score.</param>
/// <param name="PassAtK">Share of problems with at least one correct sample (k &gt; 1 only).</param>
/// <param name="Missing">Samples the backend had no completion for.</param>
/// <param name="Errors">Samples whose generation failed.</param>
/// <param name="SandboxFailures">Samples whose execution failed on the harness side (never counted as wrong).</param>
/// <param name="ExecutionStatus">Count of program verdicts.</param>
/// <param name="ExtractionMethods">Count of how answers were extracted.</param>
public sealed record BenchmarkResult(
    string Version,
    int N,
    int Samples,
    int Graded,
    int Correct,
    double Accuracy,
    double StandardError,
    double? PassAtK,
    int Missing,
    int Errors,
    int SandboxFailures,
    IReadOnlyDictionary<string, int> ExecutionStatus,
    IReadOnlyDictionary<string, int> ExtractionMethods);

/// <summary>Aggregate over the benchmarks of a suite that the run covered.</summary>
/// <param name="Benchmarks">The suite's benchmarks present in the run.</param>
/// <param name="Complete">True when every benchmark of the suite was run.</param>
/// <param name="Graded">Graded samples summed over the benchmarks.</param>
/// <param name="Correct">Correct samples summed over the benchmarks.</param>
/// <param name="Accuracy">Micro average: correct / graded.</param>
/// <param name="MacroAccuracy">Mean of the benchmarks' accuracies.</param>
public sealed record SuiteResult(
    IReadOnlyList<string> Benchmarks,
    bool Complete,
    int Graded,
    int Correct,
    double Accuracy,
    double MacroAccuracy);

/// <summary>What a run was made of, for reproducing it.</summary>
public sealed record Provenance(
    string HarnessVersion,
    string GitRevision,
    string Model,
    string Executor,
    string PromptStyle,
    IReadOnlyDictionary<string, string> PromptTemplateHashes,
    IReadOnlyDictionary<string, string> BenchmarkVersions,
    IReadOnlyDictionary<string, string> DataSha256,
    object Generation,
    int Seed,
    int Samples,
    int? Limit,
    int FewShot,
    int MaxToolRounds,
    double RelativeTolerance);

/// <summary>When the run happened; the only part of the results that differs between identical runs.</summary>
public sealed record RunTiming(DateTimeOffset Finished, double Seconds, string Machine);
