namespace SIaM.Reporting.Runs;

/// <summary>
/// The fields of a line of a critic's <c>verdicts.jsonl</c> that a report reads (the critique pass writes more): the
/// rule's verdict beside the critic's outcome (<c>yes</c>, <c>no</c>, <c>invalid</c> or <c>unparseable</c>), and P(YES) when the critic reads probabilities.
/// </summary>
public sealed record CriticVerdictLine(string Id, int Sample, string Benchmark, bool? RuleCorrect, string Verdict, double? PYes = null);
