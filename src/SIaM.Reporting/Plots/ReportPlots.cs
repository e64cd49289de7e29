using SIaM.Reporting.Exporters;

namespace SIaM.Reporting.Plots;

/// <summary>Every chart a report may hold, in report order: the one place a new chart is registered.</summary>
public static class ReportPlots
{
    /// <summary>All charts.</summary>
    public static IReadOnlyList<IReportPlot> All { get; } =
    [
        new AccuracyBarsPlot(),
        new SuiteTrendPlot(),
        new ExecutionStatusPlot(),
        new CompletionLengthPlot(),
        new PassAtKPlot(),
        new CriticAgreementPlot(),
    ];

    /// <summary>The charts that apply to <paramref name="context"/>.</summary>
    public static IReadOnlyList<IReportPlot> For(ReportContext context) => All.Where(p => p.AppliesTo(context)).ToList();
}
