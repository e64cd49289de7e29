using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;

namespace SIaM.Evaluation.Sessions;

/// <summary>
/// What an evaluation session needs from the composition root: how a model spec and an executor kind become
/// fingerprints (before anything loads), then a backend and a sandbox. The CLI implements it over its registries.
/// </summary>
public interface IEvalComposition
{
    /// <summary>The model's fingerprint for the run identity, computed without loading the model.</summary>
    Task<ModelFingerprint> FingerprintModelAsync(string modelSpec, CancellationToken cancellationToken);

    /// <summary>The executor's fingerprint for the run identity, computed without starting it.</summary>
    Task<SandboxFingerprint> FingerprintSandboxAsync(string kind, PromptStyle prompt, CancellationToken cancellationToken);

    /// <summary>Loads the model behind <paramref name="modelSpec"/>.</summary>
    IModelBackend CreateBackend(string modelSpec, IReadOnlyDictionary<string, Problem> problems, string? cacheDirectory);

    /// <summary>Starts the executor of <paramref name="kind"/>; null for none.</summary>
    Task<ICodeSandbox?> CreateSandboxAsync(string kind, PromptStyle prompt, CancellationToken cancellationToken);
}
