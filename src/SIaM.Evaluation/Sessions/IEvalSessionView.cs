using SIaM.Core.Runs;

namespace SIaM.Evaluation.Sessions;

/// <summary>Where an evaluation session reports to: its log lines, its progress, its results and its critique.</summary>
public interface IEvalSessionView : ICritiqueView
{
    /// <summary>Runs <paramref name="run"/> with a progress display of the view's choice.</summary>
    Task<RunResults> ShowProgressAsync(Func<IRunProgress, Task<RunResults>> run);

    /// <summary>The run's results, written to <paramref name="outDirectory"/>.</summary>
    void Finished(RunResults results, string outDirectory);
}
