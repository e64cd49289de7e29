using NUnit.Framework;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

[TestFixture]
[Category("Docker")]
[NonParallelizable]
public sealed class MultiEngineTests
{
    [Test]
    public async Task An_engine_killed_mid_run_loses_no_program_and_leaves_nothing_behind()
    {
        // Arrange
        if (!await DockerEngine.IsReachableAsync()) await SharedPool.StartAsync(SharedPool.Policy, DockerPoolOptions.Default with { Workers = 1 });
        await using var second = await SecondEngine.StartAsync(SandboxImage.Tag);
        var options = DockerPoolOptions.Default with { Workers = 4, DockerHosts = [DockerEngine.DefaultEndpoint, second.TlsEndpoint] };
        var pool = await SharedPool.StartAsync(SharedPool.Policy, options);
        // Gated programs: each runs until the test releases it, and only those on the surviving engine are released, so
        // the second engine holds programs in flight when it dies, however fast the machine
        const int count = 24;
        var programs = Enumerable.Range(0, count).Select(i => GatedProgram.Code($"{i} * {i} + 1")).ToList();
        using var survivor = DockerEngine.CreateClient();
        using var doomed = DockerEngine.CreateClient(second.TlsEndpoint);

        // Act
        ExecResult[] results;
        IReadOnlyList<EngineStats> engines;
        try
        {
            var running = programs.Select(p => pool.RunPythonAsync(p, CancellationToken.None)).ToList();
            var all = Task.WhenAll(running);
            var releasing = GatedProgram.ReleaseUntilAsync(survivor, pool.PoolId, all, TimeSpan.FromMinutes(2));
            await GatedProgram.WaitUntilRunningAsync(doomed, pool.PoolId, TimeSpan.FromMinutes(1));
            await second.KillAsync();
            results = await all.WaitAsync(TimeSpan.FromSeconds(120));
            await releasing;
            engines = pool.Engines;
        }
        finally
        {
            await pool.DisposeAsync();
        }

        // Assert
        Assert.That(
            results.Select(r => r.Status),
            Is.All.EqualTo(ExecStatus.Ok),
            string.Join("\n", results.Where(r => r.Status != ExecStatus.Ok).Select(r => r.Stderr).Take(3)));
        Assert.That(results.Select(r => r.Stdout), Is.EqualTo(Enumerable.Range(0, count).Select(i => $"{i * i + 1}\n")), "every program's own output, once");
        Assert.That(engines.Select(e => e.Workers), Is.EqualTo(new[] { 2, 2 }), "workers spread 1:1 by weight");
        Assert.That(engines[0].Alive, Is.True);
        Assert.That(engines[1].Alive, Is.False, "the killed engine is given up");
        Assert.That(engines[1].MovedAway, Is.GreaterThanOrEqualTo(1), "its in-flight programs were moved to the other engine");
        Assert.That(engines.Sum(e => e.Completed), Is.EqualTo(count), "each verdict counted once, on the engine that gave it");
        using var client = DockerEngine.CreateClient();
        Assert.That(await OrphanReaper.ListAsync(client, CancellationToken.None, pool.PoolId), Is.Empty, "no containers left on the surviving engine");
        Assert.That(second.LeftoverProcesses(), Is.Empty, "nothing of the dead engine keeps running");
    }

    [Test]
    public async Task Every_engine_killed_mid_run_fails_the_remaining_programs_once_without_hanging_or_leaking()
    {
        // Arrange
        if (!await DockerEngine.IsReachableAsync()) await SharedPool.StartAsync(SharedPool.Policy, DockerPoolOptions.Default with { Workers = 1 });
        await using var only = await SecondEngine.StartAsync(SandboxImage.Tag);
        var pool = await SharedPool.StartAsync(SharedPool.Policy, DockerPoolOptions.Default with { Workers = 2, DockerHosts = [only.UnixEndpoint] });
        const int count = 40;
        // Three programs end at once; the others run until released, which never happens: the engine dies under them
        var programs = Enumerable.Range(0, count).Select(i => i < 3 ? $"print({i} * {i} + 1)" : GatedProgram.Code($"{i} * {i} + 1")).ToList();
        using var client = DockerEngine.CreateClient(only.UnixEndpoint);

        // Act
        ExecResult[] results;
        ExecResult late;
        EngineStats engine;
        try
        {
            var running = programs.Select(p => pool.RunPythonAsync(p, CancellationToken.None)).ToList();
            await GatedProgram.WaitUntilRunningAsync(client, pool.PoolId, TimeSpan.FromMinutes(1));
            await only.KillAsync();
            results = await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(60));
            late = await pool.RunPythonAsync("print(1)", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            engine = pool.Engines[0];
        }
        finally
        {
            await pool.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        }

        // Assert
        var ok = results.Select((r, i) => (r, i)).Where(x => x.r.Status == ExecStatus.Ok).ToList();
        var failed = results.Where(r => r.Status == ExecStatus.SandboxFailure).ToList();
        Assert.That(ok.Count + failed.Count, Is.EqualTo(count), "every program ends ok (before the kill) or sandbox_failure, nothing else");
        Assert.That(ok.Select(x => x.r.Stdout), Is.EqualTo(ok.Select(x => $"{x.i * x.i + 1}\n")), "the finished ones carry their own output");
        Assert.That(ok.Count, Is.InRange(0, 3), "only the ungated programs could finish: the engine died mid-run");
        Assert.That(ok.Select(x => x.i), Is.All.LessThan(3));
        Assert.That(engine.Completed, Is.EqualTo(ok.Count), "each verdict counted once; failures are not counted as completed");
        Assert.That(failed.Where(r => !r.Stderr.Contains("no Docker engine can run programs") && !r.Stderr.Contains("after one retry")).Select(r => r.Stderr),
            Is.Empty, "each failure says why");
        Assert.That(engine.Alive, Is.False, "the dead engine is given up");
        Assert.That(late.Status, Is.EqualTo(ExecStatus.SandboxFailure), "a program sent after the last engine died fails at once");
        Assert.That(await only.LeftoverProcessesAfterAsync(TimeSpan.FromSeconds(15)), Is.Empty, "nothing of the dead engine keeps running");
    }
}
