using SIaM.Core.Backends;
using SIaM.Evaluation.Backends;

namespace SIaM.Cli;

/// <summary>
/// The one place that maps model spec strings (<c>PREFIX:ARGUMENT</c>) to backends.
/// <c>replay:FILE</c>, <c>oracle:</c>, <c>hf:DIR</c>, <c>openai:BASE_URL#MODEL</c>.
/// </summary>
internal static class BackendFactory
{
    private static readonly Dictionary<string, Func<string, BackendContext, IModelBackend>> Registry = new()
    {
        ["oracle"] = (_, context) => new OracleBackend(context.Problems),
        ["hf"] = (argument, _) => SIaM.TorchSharp.TorchSharpBackend.Load(argument),
        ["replay"] = (file, context) => ReplayBackend.Load(file, context.Benchmarks, context.Problems.ContainsKey),
        ["openai"] = (argument, context) => SIaM.Backends.OpenAi.OpenAiBackendFactory.Create(argument, context.CacheDirectory, line => Console.Error.WriteLine($"openai: {line}")),
    };

    public static IReadOnlyCollection<string> Prefixes => Registry.Keys;

    public static IModelBackend Create(string spec, BackendContext context)
    {
        var colon = spec.IndexOf(':');
        var prefix = colon < 0 ? spec : spec[..colon];
        var argument = colon < 0 ? "" : spec[(colon + 1)..];
        if (!Registry.TryGetValue(prefix, out var create))
            throw new UsageException(
                $"unknown model spec '{spec}': the prefix must be one of {string.Join(", ", Registry.Keys.Order().Select(k => k + ":"))}");
        return create(argument, context);
    }
}
