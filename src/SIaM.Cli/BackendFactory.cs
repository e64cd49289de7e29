using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Runs;
using SIaM.Core.Validation;
using SIaM.Evaluation.Backends;
using SIaM.Evaluation.Fingerprints;

namespace SIaM.Cli;

/// <summary>
/// The one place that maps model spec strings (<c>PREFIX:ARGUMENT</c>) to backends.
/// <c>replay:FILE</c>, <c>oracle:</c>, <c>hf:DIR</c>, <c>openai:BASE_URL#MODEL</c>. Each kind also says how its model
/// is fingerprinted for the run's identity, which happens before the model is loaded.
/// </summary>
internal static class BackendFactory
{
    private static readonly Dictionary<string, Func<string, BackendContext, IModelBackend>> Registry = new()
    {
        ["oracle"] = (_, context) => new OracleBackend(context.Problems),
        ["hf"] = (argument, _) => SIaM.TorchSharp.TorchSharpBackend.Load(argument),
        ["replay"] = (file, context) => ReplayBackend.Load(file, context.Benchmarks, context.Problems.ContainsKey),
        ["openai"] = (argument, context) => SIaM.Backends.OpenAi.OpenAiBackendFactory.Create(
            argument,
            context.CacheDirectory,
            line => Console.Error.WriteLine($"openai: {line}")),
    };

    private static readonly Dictionary<string, Func<string, string, CancellationToken, Task<ModelFingerprint>>> Fingerprints = new()
    {
        ["oracle"] = (spec, _, _) => Task.FromResult(ModelFingerprint.SpecOnly(spec)), // programs from the data: data hashes + harness revision
        ["hf"] = (spec, argument, _) => Task.FromResult(ModelFingerprints.Hf(spec, argument, FileHashCache.Default)),
        ["replay"] = (spec, file, _) => Task.FromResult(ModelFingerprints.Replay(spec, file, FileHashCache.Default)),
        ["openai"] = SIaM.Backends.OpenAi.OpenAiModelProbe.FingerprintAsync,
    };

    // Each kind's check of its argument before anything is loaded or contacted: the problem, or null.
    private static readonly Dictionary<string, Func<string, string?>> ArgumentChecks = new()
    {
        ["oracle"] = _ => null,
        ["hf"] = argument => ProblemOf(() => SIaM.TorchSharp.TorchSharpBackendOptions.ParseSpecArgument(argument)) is { } problem ? problem
            : Directory.Exists(SIaM.TorchSharp.TorchSharpBackendOptions.ParseSpecArgument(argument).Directory) ? null
            : "no such checkpoint directory",
        ["replay"] = file => file.Length == 0 ? "needs a file of recorded completions, e.g. replay:completions.jsonl"
            : Directory.Exists(file) ? "is a directory, not a replay file"
            : File.Exists(file) ? null : "no such replay file",
        ["openai"] = argument => ProblemOf(() => SIaM.Backends.OpenAi.OpenAiSpecParser.Parse(argument)),
    };

    public static IReadOnlyCollection<string> Prefixes => Registry.Keys;

    /// <summary>The model spec kinds and their argument checks, for validators of options that take a model spec.</summary>
    public static IReadOnlyDictionary<string, Func<string, string?>> Kinds => ArgumentChecks;

    /// <summary>Checks <paramref name="spec"/> (given with <paramref name="option"/>) without loading or contacting anything.</summary>
    public static IOptionValidator Validator(string option, string spec) => new ModelSpecValidator(option, spec, ArgumentChecks);

    public static IModelBackend Create(string spec, BackendContext context)
    {
        var (prefix, argument) = Split(spec);
        return Registry[prefix](argument, context);
    }

    /// <summary>The model's fingerprint for the run identity, computed without loading it.</summary>
    public static Task<ModelFingerprint> FingerprintAsync(string spec, CancellationToken cancellationToken)
    {
        var (prefix, argument) = Split(spec);
        return Fingerprints[prefix](spec, argument, cancellationToken);
    }

    private static string? ProblemOf(Action parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (InputException e)
        {
            return e.Message;
        }
    }

    private static (string Prefix, string Argument) Split(string spec)
    {
        var colon = spec.IndexOf(':');
        var prefix = colon < 0 ? spec : spec[..colon];
        if (!Registry.ContainsKey(prefix))
            throw new UsageException(
                $"unknown model spec '{spec}': the prefix must be one of {string.Join(", ", Registry.Keys.Order().Select(k => k + ":"))}");
        return (prefix, colon < 0 ? "" : spec[(colon + 1)..]);
    }
}
