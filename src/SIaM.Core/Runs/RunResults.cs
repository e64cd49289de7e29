namespace SIaM.Core.Runs;

/// <summary>The content of <c>results.json</c>. Everything but <see cref="Timing"/> is a pure function of the samples and the spec.</summary>
/// <param name="SchemaVersion">The schema version (<see cref="CurrentSchemaVersion"/>).</param>
/// <param name="Status">
/// <c>complete</c>, <c>partial</c> (samples without a verdict remain; see <see cref="Remaining"/>) or <c>error</c> (the run stopped).
/// </param>
/// <param name="Remaining">Samples without a verdict, by cause, summed over the benchmarks.</param>
/// <param name="RunId">The short id of the run's identity.</param>
/// <param name="Benchmarks">Scores per benchmark id.</param>
/// <param name="Suites">Scores per suite the run touches.</param>
/// <param name="Provenance">What the run was made of.</param>
/// <param name="Timing">When and how long; the only part that differs between identical runs.</param>
/// <param name="Shard">The slice of the run these results cover (<c>--shard I/N</c>); absent for a whole run and a merged one.</param>
public sealed record RunResults(
    int SchemaVersion,
    string Status,
    RemainingSamples Remaining,
    string RunId,
    IReadOnlyDictionary<string, BenchmarkResult> Benchmarks,
    IReadOnlyDictionary<string, SuiteResult> Suites,
    Provenance Provenance,
    RunTiming Timing,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Shard? Shard = null)
{
    /// <summary>The schema version of <c>results.json</c>; bumped on any incompatible change.</summary>
    public const int CurrentSchemaVersion = RunIdentity.CurrentSchemaVersion;
}

/// <summary>Scores of one benchmark.</summary>
/// <param name="Version">The benchmark version, e.g. <c>gsm8k@1+3f2a9c01</c> (see <see cref="BenchmarkVersion"/>).</param>
/// <param name="N">Problems evaluated.</param>
/// <param name="Samples">Samples expected (N × k).</param>
/// <param name="Graded">Samples that got a verdict (not missing, not failed).</param>
/// <param name="Correct">Correct samples.</param>
/// <param name="Accuracy">Correct / graded (mean over samples).</param>
/// <param name="StandardError">Standard error of the per-problem mean score.</param>
/// <param name="PassAt">k → mean over problems of the unbiased pass@k estimate (<see cref="Scoring.PassAtK"/>).</param>
/// <param name="MajAt">k → share of problems whose majority answer among the first k samples is correct (<see cref="Scoring.MajorityVote"/>).</param>
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
    IReadOnlyDictionary<string, double> PassAt,
    IReadOnlyDictionary<string, double> MajAt,
    int Missing,
    int Errors,
    int SandboxFailures,
    IReadOnlyDictionary<string, int> ExecutionStatus,
    IReadOnlyDictionary<string, int> ExtractionMethods)
{
    /// <summary>pass@n for n samples per problem (the share of problems with a correct sample), or null when n = 1.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double? PassAtK => N > 0 && Samples / N is var n && n > 1
        && PassAt.TryGetValue(n.ToString(System.Globalization.CultureInfo.InvariantCulture), out var value) ? value : null;
}

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

/// <summary>What a run was made of, for reproducing it (the identity of <c>run.json</c> plus settings that describe it).</summary>
public sealed record Provenance(
    string HarnessVersion,
    string GitRevision,
    string GraderVersion,
    string Model,
    string? ModelSha256,
    string Executor,
    string? SandboxImageId,
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

/// <summary>Samples that have no verdict yet: a run with any is <c>partial</c> and exits 1; a resume redoes them.</summary>
/// <param name="Missing">No completion (the backend had none).</param>
/// <param name="Failed">Generation failed.</param>
/// <param name="SandboxFailed">Execution failed on the harness side.</param>
public sealed record RemainingSamples(int Missing, int Failed, int SandboxFailed)
{
    /// <summary>All of them.</summary>
    public int Total => Missing + Failed + SandboxFailed;
}

/// <summary>When the run happened; the only part of the results that differs between identical runs.</summary>
public sealed record RunTiming(DateTimeOffset Finished, double Seconds, string Machine);
