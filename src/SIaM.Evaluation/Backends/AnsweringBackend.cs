using SIaM.Core.Backends;

namespace SIaM.Evaluation.Backends;

/// <summary>A backend that answers each request on its own, at once (no model): replay and oracle.</summary>
public abstract class AnsweringBackend : IModelBackend
{
    /// <inheritdoc />
    public abstract string Spec { get; }

    /// <summary>The completion for one request.</summary>
    protected abstract Completion Answer(GenerationRequest request);

    /// <inheritdoc />
    public Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Completion> answers = requests.Select(Answer).ToList();
        return Task.FromResult(answers);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
