namespace SIaM.Core.Sandbox;

/// <summary>
/// Runs model-generated Python under a <see cref="SandboxPolicy"/>. Safe to call concurrently; implementations queue
/// internally. Model code never runs outside an implementation of this interface.
/// </summary>
public interface ICodeSandbox : IAsyncDisposable
{
    /// <summary>Identifies the executor for provenance, e.g. <c>docker:siam-sandbox:3@sha256:…</c> or <c>local-unsafe:python3</c>.</summary>
    string Description { get; }

    /// <summary>Runs one program and returns its verdict. Never throws for program misbehaviour.</summary>
    Task<ExecResult> RunPythonAsync(string code, CancellationToken cancellationToken);
}
