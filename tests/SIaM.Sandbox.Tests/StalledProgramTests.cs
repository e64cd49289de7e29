using NUnit.Framework;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

[TestFixture]
[Category("Docker")]
public sealed class StalledProgramTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Test]
    public async Task A_program_waiting_inside_a_worker_behind_a_blocked_one_gets_its_verdict_while_that_one_is_still_blocked()
    {
        // Arrange: two workers of pipeline depth 2, each running a gated program with a quick one waiting behind it.
        // A worker takes the next program once it sent its last, in the order the workers began to wait: so g0 goes to
        // one worker, then g1 to the other, q0 behind g0 and q1 behind g1. (The time limit, 300 s, is beyond the test.)
        var options = DockerPoolOptions.Default with { Workers = 2, PipelineDepth = 2 };
        await using var pool = await SharedPool.StartAsync(SharedPool.GenerousTimePolicy, options);
        using var client = DockerEngine.CreateClient();
        var g0 = Run(pool, GatedProgram.Code("'g0'"));
        await GatedProgram.WaitUntilRunningAsync(client, pool.PoolId, Patience);
        var gated = new[] { g0, Run(pool, GatedProgram.Code("'g1'")) };
        var quick = new[] { Run(pool, "print('q0')"), Run(pool, "print('q1')") };
        var gatedIn = await GatedProgram.WaitUntilRunningInAsync(client, pool.PoolId, count: 2, Patience);
        await WaitUntilAsync(() => pool.QueuedPrograms == 0, "every program was sent to a worker");

        // Act: release one worker's gated program; the other stays blocked with a quick program waiting behind it
        await GatedProgram.ReleaseAsync(client, gatedIn[0]);
        var released = await Task.WhenAny(gated).WaitAsync(Patience);
        var blocked = gated.Single(g => g != released);
        var quickResults = await Task.WhenAll(quick).WaitAsync(Patience);
        var blockedWhenQuickDone = !blocked.IsCompleted;
        var drained = WaitUntilAsync(() => pool.ProgramsInWorkers == 0, "every run answered, the discarded second run too");
        await GatedProgram.ReleaseUntilAsync(client, pool.PoolId, drained, Patience);
        await drained;
        var gatedResults = await Task.WhenAll(gated);

        // Assert: each program has one verdict, counted once, though the moved one also ran behind the gated program
        Assert.That(blockedWhenQuickDone, Is.True, "both quick programs had their verdicts while a gated program was still blocked");
        Assert.That(quickResults.Select(r => (r.Status, r.Stdout)), Is.EqualTo(new[] { (ExecStatus.Ok, "q0\n"), (ExecStatus.Ok, "q1\n") }));
        Assert.That(gatedResults.Select(r => r.Stdout), Is.EqualTo(new[] { "g0\n", "g1\n" }));
        Assert.That(pool.StalledProgramsMoved, Is.GreaterThanOrEqualTo(1));
        Assert.That(pool.Engines.Sum(e => e.Completed), Is.EqualTo(4), "a program that ran twice is completed once");
        Assert.That(pool.Replacements, Is.Zero);
        await LeakCheck.AssertNoLeaksAsync(pool, expectedWorkers: 2);
    }

    private static Task<ExecResult> Run(DockerSandboxPool pool, string code) => pool.RunPythonAsync(code, CancellationToken.None);

    /// <summary>Polls <paramref name="condition"/> (never a fixed wait for an event); fails after <see cref="Patience"/>.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"not within {Patience.TotalSeconds:0} s: {what}");
            await Task.Delay(20);
        }
    }
}
