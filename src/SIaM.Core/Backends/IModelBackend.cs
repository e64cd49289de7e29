namespace SIaM.Core.Backends;

/// <summary>
/// A language model. Batched: results come back in request order, one per request. Implementations must be safe to call
/// concurrently and must honour cancellation. Cross-cutting behaviour (caching, retries, concurrency limits) is added
/// with decorators that implement this same interface.
/// </summary>
public interface IModelBackend : IAsyncDisposable
{
    /// <summary>The model spec this backend was created from (e.g. <c>replay:runs/a.jsonl</c>); recorded in provenance.</summary>
    string Spec { get; }

    /// <summary>Generates one completion per request, in request order.</summary>
    Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken);
}
