namespace SIaM.Core.SelfImprovement;

/// <summary>
/// A filter that judges many programs faster together (a critic model batches its prompts): the loop hands it every
/// case of a stage first, then asks <see cref="IProgramFilter.AcceptsAsync"/> per sample, which answers from what
/// <see cref="PrepareAsync"/> judged.
/// </summary>
public interface IBatchProgramFilter : IProgramFilter
{
    /// <summary>Judges <paramref name="cases"/> ahead of the per-sample calls (duplicates are judged once).</summary>
    Task PrepareAsync(IReadOnlyList<ProgramCase> cases, CancellationToken cancellationToken);
}
