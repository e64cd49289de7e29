using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Critique;
using SIaM.SelfImprovement.Sessions;

namespace SIaM.Cli;

/// <summary>The improvement session's parts as the CLI registers them: <see cref="CriticFactory"/> and <see cref="SandboxFactory"/>.</summary>
internal sealed class CliImprovementComposition : IImprovementComposition
{
    public static CliImprovementComposition Instance { get; } = new();

    public ICritic CreateCritic(string spec, CriticOptions options) => CriticFactory.Create(spec, "prob", options);

    public Task<SandboxFingerprint> FingerprintSandboxAsync(string kind, CancellationToken cancellationToken) =>
        SandboxFactory.FingerprintAsync(kind, PromptStyle.Bare, cancellationToken);

    public async Task<ICodeSandbox> CreateSandboxAsync(string kind, CancellationToken cancellationToken) =>
        await SandboxFactory.CreateAsync(kind, PromptStyle.Bare, cancellationToken)
        ?? throw new UsageException($"--sandbox {kind}: the loop executes programs; use docker or local-unsafe");
}
