using SIaM.Core.Runs;
using SIaM.Critique.Pipeline;
using SIaM.Evaluation;
using SIaM.Evaluation.Sessions;

namespace SIaM.Cli;

/// <summary>The console face of an evaluation or critique session: log lines on standard error, tables on standard output.</summary>
internal sealed class ConsoleEvalView : IEvalSessionView
{
    public static ConsoleEvalView Instance { get; } = new();

    public void Note(string line) => Console.Error.WriteLine(line);

    public Task<RunResults> ShowProgressAsync(Func<IRunProgress, Task<RunResults>> run) => RunProgress.RunAsync(run);

    public void Finished(RunResults results, string outDirectory) => ResultTableConsoleExporter.WriteRun(results, outDirectory);

    public void Critiqued(CritiqueResults results, string directory) => CritiqueTable.Print(results, directory);
}
