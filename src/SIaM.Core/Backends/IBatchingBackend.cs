namespace SIaM.Core.Backends;

/// <summary>
/// A backend that decodes many requests in one call (an in-process model). The evaluation scheduler gathers the requests
/// that are ready into calls of up to <see cref="MaxBatchSize"/> instead of sending each alone.
/// </summary>
public interface IBatchingBackend
{
    /// <summary>Sequences decoded together at most.</summary>
    int MaxBatchSize { get; }
}
