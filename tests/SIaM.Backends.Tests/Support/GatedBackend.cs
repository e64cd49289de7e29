using SIaM.Core.Backends;

namespace SIaM.Backends.Tests.Support;

/// <summary>An in-test model that holds every request until <see cref="Open"/>, to fill a server's queue.</summary>
internal sealed class GatedBackend : IModelBackend
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    public string Spec => "gated:";

    public int Waiting => Volatile.Read(ref _waiting);

    public void Open() => _gate.TrySetResult();

    public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _waiting, requests.Count);
        await _gate.Task.WaitAsync(cancellationToken);
        Interlocked.Add(ref _waiting, -requests.Count);
        return requests.Select(r => new Completion($"done:{r.ProblemId}")).ToArray();
    }

    public ValueTask DisposeAsync()
    {
        Open();
        return ValueTask.CompletedTask;
    }
}
