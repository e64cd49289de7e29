namespace SIaM.Core.Backends;

/// <summary>
/// A backend that decodes many requests in one call (an in-process model). The evaluation scheduler gathers the requests
/// that are ready into calls of up to <see cref="MaxBatchSize"/> instead of sending each alone, unless the backend
/// <see cref="JoinsRunningBatch"/>.
/// </summary>
public interface IBatchingBackend
{
    /// <summary>Sequences decoded together at most.</summary>
    int MaxBatchSize { get; }

    /// <summary>
    /// True when the backend batches by itself (continuous batching): a request joins the running batch as soon as a row
    /// is free and completes when its own sequence does, so the scheduler sends each request on its own as it is ready.
    /// </summary>
    bool JoinsRunningBatch => false;
}
