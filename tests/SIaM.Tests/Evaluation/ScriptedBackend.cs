using System.Collections.Concurrent;
using SIaM.Core.Backends;

namespace SIaM.Tests.Evaluation;

/// <summary>A model stand-in: answers each request with a function of it, and records what it was asked.</summary>
public sealed class ScriptedBackend(Func<GenerationRequest, string?> answer) : IModelBackend
{
    public ConcurrentQueue<GenerationRequest> Requests { get; } = new();

    public string Spec => "scripted:";

    public Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var request in requests) Requests.Enqueue(request);
        IReadOnlyList<Completion> completions = requests
            .Select(r => answer(r) is { } text ? new Completion(text) : Completion.Missing("not scripted"))
            .ToList();
        return Task.FromResult(completions);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
