using System.Text;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.SelfImprovement;

/// <summary>
/// The Markdown tables of a finished <c>siam improve</c> run, rendered from its files (never typed by hand): the
/// iteration table and the loop-vs-control table from <c>iterations.json</c> (itself computed from the standard runs),
/// the per-family table when the run has families, and the filter comparison (<c>filters.md</c>) when there is one.
/// </summary>
public static class LoopTables
{
    /// <summary>The tables of the run under <paramref name="directory"/>.</summary>
    /// <exception cref="InputException">The directory holds no finished iteration.</exception>
    public static string Render(string directory)
    {
        var rows = IterationsFile.Read(directory);
        var suites = rows[0].Accuracy.Keys.ToList();
        var text = new StringBuilder(IterationTable.Render(rows, suites));
        if (rows.Any(r => r.Gain is not null)) text.Append('\n').Append(ControlTable.Render(rows, suites));
        if (rows[0].Families is not null) text.Append('\n').Append(FamilyTable.Render(rows));
        var filters = Path.Combine(directory, "filters.md");
        if (File.Exists(filters)) text.Append('\n').Append(File.ReadAllText(filters));
        return text.ToString();
    }
}
