using System.Runtime.ExceptionServices;
using SIaM.Core.Backends;

namespace SIaM.Backends;

/// <summary>Awaits the per-request tasks of a batch, reporting the real failure rather than a sibling's cancellation.</summary>
internal static class BatchTasks
{
    public static async Task<IReadOnlyList<Completion>> WhenAllAsync(Task<Completion>[] tasks)
    {
        try
        {
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch when (tasks.FirstOrDefault(t => t.IsFaulted && t.Exception!.InnerException is not OperationCanceledException) is { } failed)
        {
            ExceptionDispatchInfo.Capture(failed.Exception!.InnerException!).Throw();
            throw; // unreachable
        }
    }
}
