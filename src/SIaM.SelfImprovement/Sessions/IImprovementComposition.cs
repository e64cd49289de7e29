using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Critique;

namespace SIaM.SelfImprovement.Sessions;

/// <summary>The parts an improvement session is built from, registered by its host (the CLI registers its factories).</summary>
public interface IImprovementComposition
{
    /// <summary>A critic for a backend spec (not <c>rule</c> or <c>demo</c>).</summary>
    ICritic CreateCritic(string spec, CriticOptions options);

    /// <summary>The executor's fingerprint, without starting it.</summary>
    Task<SandboxFingerprint> FingerprintSandboxAsync(string kind, CancellationToken cancellationToken);

    /// <summary>Starts the executor programs run in.</summary>
    Task<ICodeSandbox> CreateSandboxAsync(string kind, CancellationToken cancellationToken);
}
