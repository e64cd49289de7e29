namespace SIaM.Backends.Server;

/// <summary>Settings of an <see cref="OpenAiCompatibleServer"/>.</summary>
/// <param name="Host">Address to listen on: an IP (<c>127.0.0.1</c>, <c>0.0.0.0</c>) or <c>localhost</c>.</param>
/// <param name="Port">TCP port; 0 picks a free one (see <see cref="OpenAiCompatibleServer.BaseAddress"/>).</param>
/// <param name="ModelName">The model id clients must send; the backend's spec when null.</param>
/// <param name="MaxBatchSize">Requests passed to the backend in one <c>GenerateAsync</c> call at most.</param>
/// <param name="BatchWindow">How long a batch waits for more requests before it starts when it is not yet full.</param>
/// <param name="MaxConcurrentBatches">Backend calls in flight at once (1 suits an in-process model).</param>
/// <param name="MaxQueuedRequests">Generation requests accepted at once (running or waiting); more are answered 429 with <c>Retry-After</c>.</param>
/// <param name="MaxRequestBodyBytes">Largest request body; larger ones are answered 413.</param>
public sealed record OpenAiServerOptions(
    string Host = "127.0.0.1",
    int Port = 8000,
    string? ModelName = null,
    int MaxBatchSize = 8,
    TimeSpan? BatchWindow = null,
    int MaxConcurrentBatches = 1,
    int MaxQueuedRequests = 256,
    long MaxRequestBodyBytes = 16 * 1024 * 1024)
{
    /// <summary>Seconds a client is told to wait (<c>Retry-After</c>) when the queue is full.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>The batch window, 5 ms unless set.</summary>
    public TimeSpan EffectiveBatchWindow => BatchWindow ?? TimeSpan.FromMilliseconds(5);
}
