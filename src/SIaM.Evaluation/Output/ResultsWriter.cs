using SIaM.Core.Runs;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Tables;

namespace SIaM.Evaluation.Output;

/// <summary>Writes <c>results.json</c> and <c>summary.csv</c> (the CSV rendering of the run's result table), each atomically.</summary>
public static class ResultsWriter
{
    /// <summary>Writes both files.</summary>
    public static void Write(RunDirectory directory, RunResults results)
    {
        RunResultsFile.Write(directory.Results, results);
        AtomicFile.Write(directory.Summary, stream => RunSummaryCsv.Write(stream, ResultTableBuilder.Of(results)));
    }
}
