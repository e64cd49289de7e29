using System.Text.Json.Nodes;

namespace SIaM.Critique;

/// <summary>
/// Judges whether samples' results are consistent with their references. Batched: judgments come back in case order.
/// </summary>
public interface ICritic : IAsyncDisposable
{
    /// <summary>What determines the critic's verdicts (model, prompt hashes, threshold, …): its verdicts are cached under it.</summary>
    JsonObject Identity { get; }

    /// <summary>Judges every case, in order.</summary>
    Task<IReadOnlyList<CriticJudgment>> JudgeAsync(IReadOnlyList<CritiqueCase> cases, CancellationToken cancellationToken);
}
