using SIaM.Critique.Pipeline;

namespace SIaM.Evaluation.Sessions;

/// <summary>Where a critique pass reports to (the CLI prints; a test may collect).</summary>
public interface ICritiqueView
{
    /// <summary>A line for the log (standard error in the CLI): what starts, warnings, causes of failure.</summary>
    void Note(string line);

    /// <summary>The critique's scores, written under <paramref name="directory"/>.</summary>
    void Critiqued(CritiqueResults results, string directory);
}
