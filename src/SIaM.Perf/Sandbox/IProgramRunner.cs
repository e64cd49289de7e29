using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>An executor compared in <c>siam bench sandbox</c>.</summary>
public interface IProgramRunner : IAsyncDisposable
{
    /// <summary>Row label.</summary>
    string Name { get; }

    /// <summary>Runs one program to its verdict.</summary>
    Task<ExecResult> RunAsync(string code, CancellationToken cancellationToken);
}
