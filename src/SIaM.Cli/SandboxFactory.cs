using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Evaluation.Execution;
using SIaM.Sandbox.Docker;

namespace SIaM.Cli;

/// <summary>The one place that maps <c>--sandbox</c> names to code executors.</summary>
internal static class SandboxFactory
{
    /// <summary>The <c>--sandbox</c> names.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["docker", "local-unsafe", "none"];

    public static async Task<ICodeSandbox?> CreateAsync(string kind, PromptStyle prompt, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case "none":
                if (prompt != PromptStyle.Cot)
                    throw new UsageException($"--prompt {prompt.ToString().ToLowerInvariant()} runs code: use --sandbox docker (or local-unsafe)");
                return null;
            case "local-unsafe":
                Console.Error.WriteLine("WARNING: --sandbox local-unsafe runs model-generated code on this machine WITHOUT isolation.");
                return new LocalPythonSandbox(SandboxPolicy.Default);
            case "docker":
                return await DockerSandbox(cancellationToken);
            default:
                throw new UsageException($"unknown --sandbox '{kind}': use docker, local-unsafe or none");
        }
    }

    /// <summary>
    /// The executor's fingerprint for the run identity, without starting anything: for docker the id of this build's
    /// image (a clear error when the engine is down or the image is missing).
    /// </summary>
    public static async Task<SandboxFingerprint> FingerprintAsync(string kind, PromptStyle prompt, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case "none":
                if (prompt != PromptStyle.Cot)
                    throw new UsageException($"--prompt {prompt.ToString().ToLowerInvariant()} runs code: use --sandbox docker (or local-unsafe)");
                return SandboxFingerprint.None;
            case "local-unsafe":
                return new SandboxFingerprint(kind, null);
            case "docker":
                using (var client = await DockerEngine.ConnectAsync(DockerPoolOptions.Default.DockerHost, cancellationToken))
                    return new SandboxFingerprint(
                        kind,
                        await SandboxImage.RequireAsync(client, DockerPoolOptions.Default.Image ?? SandboxImage.Tag, cancellationToken));
            default:
                throw new UsageException($"unknown --sandbox '{kind}': use docker, local-unsafe or none");
        }
    }

    private static async Task<ICodeSandbox> DockerSandbox(CancellationToken cancellationToken) =>
        await DockerSandboxPool.StartAsync(SandboxPolicy.Default, EngineOptions.Defaults, cancellationToken);
}
