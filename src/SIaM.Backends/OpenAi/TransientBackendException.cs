namespace SIaM.Backends.OpenAi;

/// <summary>A failure worth retrying: 429, 5xx, or a body that is truncated or not the expected JSON.</summary>
/// <param name="message">What went wrong, naming the URL and status.</param>
/// <param name="retryAfter">The server's <c>Retry-After</c>, when it sent one.</param>
internal sealed class TransientBackendException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
