using SIaM.Reporting.Statistics;

namespace SIaM.Reporting.Gating;

/// <summary>One benchmark or suite's trend over the checkpoints.</summary>
public sealed record TrendRow(string Name, bool IsSuite, TrendStatistic Trend);
