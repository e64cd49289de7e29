namespace SIaM.Perf.Eval;

/// <summary>
/// The capacity model of a simulated OpenAI-compatible server, and the shape of the work it is asked to do.
/// </summary>
/// <param name="Capacity">Sequences decoded at once; more wait in the queue.</param>
/// <param name="Queue">Requests that may wait; beyond <c>capacity + queue</c> the server answers 429.</param>
/// <param name="PrefillSeconds">Fixed cost of every request.</param>
/// <param name="TokensPerSecond">Decoding rate of one sequence (constant up to the capacity).</param>
/// <param name="MinTokens">Fewest tokens of an answer.</param>
/// <param name="MaxTokens">Most tokens of an answer.</param>
/// <param name="MaxToolCalls">Programs a sample runs at most before its final answer (1 to this many, by hash).</param>
/// <param name="TimeoutShare">Share of programs that run until the time limit.</param>
public sealed record SimulatedServerOptions(
    int Capacity,
    int Queue,
    double PrefillSeconds = 0.05,
    double TokensPerSecond = 200,
    int MinTokens = 64,
    int MaxTokens = 320,
    int MaxToolCalls = 3,
    double TimeoutShare = 0.05)
{
    /// <summary>How long one sequence of <paramref name="tokens"/> tokens takes.</summary>
    public TimeSpan Latency(int tokens) => TimeSpan.FromSeconds(PrefillSeconds + tokens / TokensPerSecond);

    /// <summary>The mean latency of a request.</summary>
    public double MeanLatencySeconds => PrefillSeconds + (MinTokens + MaxTokens) / 2.0 / TokensPerSecond;
}
