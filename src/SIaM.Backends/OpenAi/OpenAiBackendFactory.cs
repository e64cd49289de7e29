using SIaM.Backends.Caching;
using SIaM.Core.Backends;

namespace SIaM.Backends.OpenAi;

/// <summary>
/// Composes the <c>openai:</c> backend as the CLI uses it: <see cref="CachingBackend"/> (when a cache directory is
/// given) over <see cref="ConcurrencyLimitedBackend"/> over <see cref="OpenAiBackend"/>, so cache hits take no slot.
/// </summary>
public static class OpenAiBackendFactory
{
    /// <param name="argument">The spec after <c>openai:</c> (see <see cref="OpenAiSpecParser"/>).</param>
    /// <param name="cacheDirectory">Request cache directory; no cache when null.</param>
    /// <param name="log">Receives retry messages.</param>
    /// <exception cref="Core.InputException">The spec is malformed.</exception>
    public static IModelBackend Create(string argument, string? cacheDirectory, Action<string>? log = null)
    {
        var options = OpenAiSpecParser.Parse(argument);
        IModelBackend backend = new ConcurrencyLimitedBackend(new OpenAiBackend(options, log), options.MaxConcurrency);
        return cacheDirectory is null ? backend : new CachingBackend(backend, cacheDirectory, options.Identity);
    }
}
