using SIaM.Reporting.Exporters;

namespace SIaM.Reporting.Plots;

/// <summary>One chart of a report.</summary>
public interface IReportPlot
{
    /// <summary>File stem under <c>plots/</c>.</summary>
    string Name { get; }

    /// <summary>Caption in report.md and report.html.</summary>
    string Title { get; }

    /// <summary>False when the runs hold nothing this chart can show (e.g. pass@k with one sample per problem).</summary>
    bool AppliesTo(ReportContext context);

    /// <summary>Draws the chart.</summary>
    void Draw(ScottPlot.Plot plot, ReportContext context);
}
