using NUnit.Framework;
using SIaM.Core;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

/// <summary>
/// One warm pool shared by the Docker tests. Without a reachable engine (or image) the tests are ignored, except when
/// <c>SIAM_REQUIRE_DOCKER=1</c> (CI), where that is a failure.
/// </summary>
internal static class SharedPool
{
    /// <summary>
    /// Tight limits so the hostile suite stays quick: 4 s of CPU, 10 s of wall clock (generous, so a busy CI machine
    /// does not turn a memory or error verdict into a wall-clock timeout). 2 s of CPU was too little on a loaded machine:
    /// the gradual memory bomb's page faults up to the 512 MiB limit used it up before the limit was reached, and a
    /// memory bomb was reported as a CPU timeout.
    /// </summary>
    public static readonly SandboxPolicy Policy = SandboxPolicy.Default with { CpuTimeSeconds = 4, WallClockSeconds = 10 };

    /// <summary>
    /// Limits no program of the hostile suite reaches unless it loops forever: for the programs that must end by another
    /// limit (memory, output, pids, an error), so their verdict cannot turn into a timeout on a slow or loaded machine.
    /// Generous on purpose; a program that hangs instead of hitting its limit still fails the test, only later.
    /// </summary>
    public static readonly SandboxPolicy GenerousTimePolicy = SandboxPolicy.Default with { CpuTimeSeconds = 120, WallClockSeconds = 300 };

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static DockerSandboxPool? _pool;
    private static DockerSandboxPool? _generousPool;

    public static bool Required => Environment.GetEnvironmentVariable("SIAM_REQUIRE_DOCKER") == "1";

    public static async Task<DockerSandboxPool> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _pool ??= await StartAsync(Policy, DockerPoolOptions.Default with { Workers = 2 });
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The shared pool under <see cref="GenerousTimePolicy"/>, started on first use.</summary>
    public static async Task<DockerSandboxPool> GetGenerousAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _generousPool ??= await StartAsync(GenerousTimePolicy, DockerPoolOptions.Default with { Workers = 2 });
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Starts a pool, turning "no engine" / "no image" into an ignore (or a failure when required).</summary>
    public static async Task<DockerSandboxPool> StartAsync(SandboxPolicy policy, DockerPoolOptions options)
    {
        try
        {
            return await DockerSandboxPool.StartAsync(policy, options, CancellationToken.None);
        }
        catch (InputException e)
        {
            if (Required) Assert.Fail($"SIAM_REQUIRE_DOCKER=1 but the sandbox is unavailable: {e.Message}");
            Assert.Ignore($"Docker sandbox unavailable: {e.Message}");
            throw;
        }
    }

    public static async Task DisposeAsync()
    {
        if (_pool is not null) await _pool.DisposeAsync();
        if (_generousPool is not null) await _generousPool.DisposeAsync();
        _pool = _generousPool = null;
    }
}
