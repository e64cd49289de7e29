using SIaM.Core.Runs;

namespace SIaM.Evaluation.Output;

/// <summary>Writes <c>results.json</c> and <c>summary.csv</c> (one line per benchmark of the results), each atomically.</summary>
public static class ResultsAndSummaryWriter
{
    /// <summary>Writes both files.</summary>
    public static void Write(RunDirectory directory, RunResults results)
    {
        RunResultsFile.Write(directory.Results, results);
        AtomicFile.Write(directory.Summary, stream => RunSummaryCsv.Write(stream, results));
    }
}
