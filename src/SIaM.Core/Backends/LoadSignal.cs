namespace SIaM.Core.Backends;

/// <summary>What one attempt of a model request said about the server's load.</summary>
public enum LoadSignal
{
    /// <summary>The server said it is overloaded (HTTP 429 or 503).</summary>
    Throttled,
    /// <summary>The attempt ran out of time.</summary>
    TimedOut,
}

/// <summary>
/// Carries <see cref="LoadSignal"/>s from a backend's individual attempts to whoever sent the request, as they happen
/// (before the backend's retries), through any wrappers in between (cache, concurrency limit). The caller listens for the
/// duration of one call (<see cref="ListenAsync{T}"/>); a backend reports with <see cref="Report"/>. The listener flows
/// with the call's asynchronous context, so concurrent calls each hear only their own attempts.
/// </summary>
public static class LoadSignals
{
    private static readonly AsyncLocal<Action<LoadSignal>?> Listener = new();

    /// <summary>Runs <paramref name="call"/> with <paramref name="listener"/> hearing every signal its attempts report.</summary>
    public static async Task<T> ListenAsync<T>(Action<LoadSignal> listener, Func<Task<T>> call)
    {
        Listener.Value = listener; // an async method's changes to its context end with it: the caller's listener is untouched
        return await call().ConfigureAwait(false);
    }

    /// <summary>Tells the listener of the current call, if any, what an attempt showed.</summary>
    public static void Report(LoadSignal signal) => Listener.Value?.Invoke(signal);
}
