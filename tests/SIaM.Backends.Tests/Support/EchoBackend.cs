using System.Collections.Concurrent;
using SIaM.Core.Backends;

namespace SIaM.Backends.Tests.Support;

/// <summary>An in-test model: its answer spells out what it was asked, and it records every request and batch.</summary>
internal sealed class EchoBackend(string spec = "echo:") : IModelBackend
{
    public ConcurrentQueue<GenerationRequest> Received { get; } = new();

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public string Spec => spec;

    public static string Answer(GenerationRequest r) =>
        $"{r.ProblemId}|sample={r.SampleIndex}|seed={r.Config.Seed}|t={r.Config.Temperature}|k={r.Config.TopK}|max={r.Config.MaxNewTokens}"
        + $"|stop={string.Join(",", r.Config.StopSequences)}|messages={string.Join(";", r.Messages.Select(m => m.Role + ":" + m.Content))}"
        + $"|prefix={r.AssistantPrefix}";

    public async Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
    {
        BatchSizes.Enqueue(requests.Count);
        foreach (var request in requests) Received.Enqueue(request);
        await Task.Delay(5, cancellationToken);
        return requests.Select(r => new Completion(Answer(r), FinishReason: "stop", PromptTokens: r.PlainPrompt.Length, CompletionTokens: 7)).ToArray();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
