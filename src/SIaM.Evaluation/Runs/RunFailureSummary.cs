using SIaM.Core.Runs;
using SIaM.Core.Sandbox;

namespace SIaM.Evaluation.Runs;

/// <summary>The one-line cause of a run that ended with generation errors or sandbox failures, and how to resume.</summary>
public static class RunFailureSummary
{
    public static string? Describe(RunResults results, string outDirectory)
    {
        var errors = results.Benchmarks.Values.Sum(b => b.Errors);
        var sandboxFailures = results.Benchmarks.Values.Sum(b => b.SandboxFailures);
        if (errors == 0 && sandboxFailures == 0) return null;
        var samples = SamplesFile.Read(Path.Combine(outDirectory, RunDirectory.SamplesFile)).Values;
        var cause = samples.Select(s => s.Error).FirstOrDefault(e => !string.IsNullOrEmpty(e))
                    ?? samples.SelectMany(s => s.Executions).Where(e => e.Status == ExecStatus.SandboxFailure).Select(e => e.Stderr).FirstOrDefault()
                    ?? "unknown";
        var firstLine = cause.Trim().Split('\n')[0];
        return $"error: {errors} generation error(s) and {sandboxFailures} sandbox failure(s); first cause: {firstLine}\n" +
               "rerun the same command to redo them (finished samples are kept)";
    }
}
