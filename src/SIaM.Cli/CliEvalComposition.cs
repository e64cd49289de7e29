using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Evaluation.Sessions;

namespace SIaM.Cli;

/// <summary>The evaluation session's parts as the CLI registers them: <see cref="BackendFactory"/> and <see cref="SandboxFactory"/>.</summary>
internal sealed class CliEvalComposition : IEvalComposition
{
    public static CliEvalComposition Instance { get; } = new();

    public Task<ModelFingerprint> FingerprintModelAsync(string modelSpec, CancellationToken cancellationToken) =>
        BackendFactory.FingerprintAsync(modelSpec, cancellationToken);

    public Task<SandboxFingerprint> FingerprintSandboxAsync(string kind, PromptStyle prompt, CancellationToken cancellationToken) =>
        SandboxFactory.FingerprintAsync(kind, prompt, cancellationToken);

    public IModelBackend CreateBackend(string modelSpec, IReadOnlyDictionary<string, Problem> problems, string? cacheDirectory) =>
        BackendFactory.Create(modelSpec, new BackendContext(problems, cacheDirectory));

    public Task<ICodeSandbox?> CreateSandboxAsync(string kind, PromptStyle prompt, CancellationToken cancellationToken) =>
        SandboxFactory.CreateAsync(kind, prompt, cancellationToken);
}
