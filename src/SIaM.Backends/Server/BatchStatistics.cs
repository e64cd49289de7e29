namespace SIaM.Backends.Server;

/// <summary>What an <see cref="OpenAiCompatibleServer"/> has passed to its backend so far.</summary>
/// <param name="Batches">Backend calls.</param>
/// <param name="Requests">Generation requests in those calls.</param>
/// <param name="Largest">The largest batch.</param>
public sealed record BatchStatistics(long Batches, long Requests, int Largest)
{
    /// <summary>Nothing yet.</summary>
    public static BatchStatistics None { get; } = new(0, 0, 0);

    /// <summary>These statistics plus one batch of <paramref name="size"/> requests.</summary>
    public BatchStatistics Add(int size) => new(Batches + 1, Requests + size, Math.Max(Largest, size));
}
