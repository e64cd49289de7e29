using TorchSharp;

namespace SIaM.TorchSharp;

/// <summary>Process-wide libtorch settings: one intra-op thread on CPU unless asked otherwise.</summary>
public static class TorchRuntime
{
    private static int _configured;

    /// <summary>Applies the thread setting once per process (later calls are ignored).</summary>
    public static void EnsureConfigured(int cpuThreads = 1)
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return;
        torch.set_num_threads(Math.Max(1, cpuThreads));
    }
}
