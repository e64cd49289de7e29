using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>(a) the warm pool.</summary>
public sealed class PoolRunner(ICodeSandbox sandbox) : IProgramRunner
{
    public string Name => "warm pool";

    public Task<ExecResult> RunAsync(string code, CancellationToken cancellationToken) => sandbox.RunPythonAsync(code, cancellationToken);

    public ValueTask DisposeAsync() => sandbox.DisposeAsync();
}
