namespace SIaM.Reporting.Statistics;

/// <summary>A closed interval [Low, High], e.g. a 95% confidence interval.</summary>
public sealed record Interval(double Low, double High)
{
    /// <summary>True when the interval holds <paramref name="value"/>.</summary>
    public bool Contains(double value) => Low <= value && value <= High;
}
