namespace SIaM.Perf.Decode;

/// <summary>One run of <see cref="ContinuousBatchingBenchmark"/>: the same requests decoded batch at a time or continuously.</summary>
/// <param name="Model">The model's label.</param>
/// <param name="Mode"><c>batch at a time</c> or <c>continuous</c>.</param>
/// <param name="Requests">Requests decoded.</param>
/// <param name="Batch">Sequences decoded together at most.</param>
/// <param name="Tokens">Tokens generated in all.</param>
/// <param name="WallMs">Wall time from submitting every request to the last completion.</param>
/// <param name="CpuMs">Process CPU time over the same span.</param>
/// <param name="MeanLatencyMs">Mean time from submission (all at once) to each request's completion.</param>
public sealed record BatchingMeasurement(string Model, string Mode, int Requests, int Batch, int Tokens, double WallMs, double CpuMs, double MeanLatencyMs)
{
    /// <summary>Generated tokens per wall-clock second.</summary>
    public double TokensPerSecond => Tokens / (WallMs / 1000);
}
