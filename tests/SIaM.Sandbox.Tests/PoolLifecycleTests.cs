using Docker.DotNet.Models;
using NUnit.Framework;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

[TestFixture]
[Category("Docker")]
public sealed class PoolLifecycleTests
{
    private static readonly DockerPoolOptions OneWorker = DockerPoolOptions.Default with { Workers = 1 };

    [Test]
    public async Task Description_names_the_image_id_for_provenance()
    {
        // Arrange
        var pool = await SharedPool.GetAsync();

        // Act
        var description = pool.Description;

        // Assert
        Assert.That(pool.ImageId, Does.StartWith("sha256:"));
        Assert.That(description, Does.StartWith($"docker:{SandboxImage.Tag}@{pool.ImageId}"));
        Assert.That(description, Does.Contain("sympy=").And.Contain("numpy="));
    }

    [TestCase("x = /\nprint(x)\n", "SyntaxError")]
    [TestCase("print(1 / 0)\n", "ZeroDivisionError")]
    public async Task An_error_keeps_the_traceback_tail_in_stderr(string code, string error)
    {
        // Arrange
        var pool = await SharedPool.GetAsync();

        // Act
        var result = await pool.RunPythonAsync(code, CancellationToken.None);

        // Assert
        Assert.That(result.Status, Is.EqualTo(ExecStatus.Error));
        Assert.That(result.Stderr, Does.Contain(error).And.Contain("program.py"));
    }

    [Test]
    public async Task The_engine_report_shows_workers_idle_when_programs_arrive_slowly_and_busy_when_they_queue()
    {
        // Arrange
        await using var pool = await SharedPool.StartAsync(SharedPool.Policy, OneWorker);

        // Act: one program at a time with pauses the worker spends waiting, then a queue it is never short of
        for (var i = 0; i < 4; i++)
        {
            await pool.RunPythonAsync("print(1)", CancellationToken.None);
            await Task.Delay(300);
        }
        var trickled = pool.Engines[0].WorkerIdleFraction;
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => pool.RunPythonAsync("print(sum(range(10 ** 6)))", CancellationToken.None)));
        var queued = pool.Engines[0].WorkerIdleFraction;
        var table = new StringWriter();
        EngineReport.Print(pool, table);

        // Assert
        Assert.That(trickled, Is.GreaterThan(0.5), "three pauses of 300 ms against four programs of a few ms");
        Assert.That(queued, Is.LessThan(trickled), "queued programs add busy time and (pipelined) almost no idle time");
        Assert.That(
            table.ToString(),
            Does.Contain("| worker idle |")
                .And.Contain((100 * queued).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %"));
    }

    [Test]
    public async Task Disposing_the_pool_removes_its_containers()
    {
        // Arrange
        var pool = await SharedPool.StartAsync(SharedPool.Policy, OneWorker);
        var ok = await pool.RunPythonAsync("print(6 * 7)", CancellationToken.None);

        // Act
        await pool.DisposeAsync();

        // Assert
        using var client = DockerEngine.CreateClient();
        Assert.That(ok.Stdout, Is.EqualTo("42\n"));
        Assert.That(await OrphanReaper.ListAsync(client, CancellationToken.None, pool.PoolId), Is.Empty);
    }

    [Test]
    public async Task Orphans_of_a_crashed_run_are_removed_when_a_pool_starts()
    {
        // Arrange
        using var client = DockerEngine.CreateClient();
        if (!await DockerEngine.IsReachableAsync()) await SharedPool.StartAsync(SharedPool.Policy, OneWorker);
        var labels = new Dictionary<string, string>
        {
            [SandboxContainerSpec.SandboxLabel] = "1", [PoolLabels.Pool] = "orphan-test", [PoolLabels.Host] = Environment.MachineName,
            [PoolLabels.Pid] = "2147483000", [PoolLabels.Started] = "0",
        };
        var running = await client.Containers.CreateContainerAsync(
            SandboxContainerSpec.Create(SandboxImage.Tag, SharedPool.Policy, labels, attach: false),
            CancellationToken.None);
        var created = await client.Containers.CreateContainerAsync(
            SandboxContainerSpec.Create(SandboxImage.Tag, SharedPool.Policy, labels, attach: false),
            CancellationToken.None);
        await client.Containers.StartContainerAsync(running.ID, new ContainerStartParameters(), CancellationToken.None);

        // Act
        await using var pool = await SharedPool.StartAsync(SharedPool.Policy, OneWorker);

        // Assert
        Assert.That(await OrphanReaper.ListAsync(client, CancellationToken.None, "orphan-test"), Is.Empty);
        await LeakCheck.AssertNoLeaksAsync(pool, expectedWorkers: 1);
    }

    [Test]
    public async Task A_killed_worker_is_replaced_without_losing_queued_programs()
    {
        // Arrange
        await using var pool = await SharedPool.StartAsync(SharedPool.Policy, OneWorker);
        using var client = DockerEngine.CreateClient();
        var victim = (await OrphanReaper.ListAsync(client, CancellationToken.None, pool.PoolId)).Single();
        var slow = pool.RunPythonAsync(GatedProgram.Code("'slow'"), CancellationToken.None);
        var queued = Enumerable.Range(0, 8).Select(i => pool.RunPythonAsync($"print({i} * {i})", CancellationToken.None)).ToList();
        var runningIn = await GatedProgram.WaitUntilRunningAsync(client, pool.PoolId, TimeSpan.FromMinutes(1));

        // Act: kill the worker while the gated program runs in it, then release the program wherever it runs again
        await client.Containers.KillContainerAsync(victim.ID, new ContainerKillParameters { Signal = "SIGKILL" }, CancellationToken.None);
        var released = await GatedProgram.ReleaseUntilAsync(client, pool.PoolId, slow, TimeSpan.FromMinutes(1), skip: victim.ID);
        var slowResult = await slow;
        var queuedResults = await Task.WhenAll(queued);

        // Assert: the kill landed on the program in flight, which ran again in the replacement
        Assert.That(runningIn, Is.EqualTo(victim.ID));
        Assert.That(released, Is.EqualTo(1),
            $"the program ran to its release once, in the new worker; it ended {slowResult.Status}: {slowResult.Stderr}");
        Assert.That(slowResult.Status, Is.EqualTo(ExecStatus.Ok), slowResult.Stderr);
        Assert.That(slowResult.Stdout, Is.EqualTo("slow\n"));
        Assert.That(queuedResults.Select(r => r.Stdout), Is.EqualTo(Enumerable.Range(0, 8).Select(i => $"{i * i}\n")));
        Assert.That(pool.Replacements, Is.EqualTo(1));
        await LeakCheck.AssertNoLeaksAsync(pool, expectedWorkers: 1);
    }

    [Test]
    public async Task A_forker_killed_from_outside_while_a_program_runs_costs_a_retry_not_a_verdict()
    {
        // Arrange: one worker whose program is running
        await using var pool = await SharedPool.StartAsync(SharedPool.Policy, OneWorker);
        using var client = DockerEngine.CreateClient();
        var victim = (await OrphanReaper.ListAsync(client, CancellationToken.None, pool.PoolId)).Single();
        var running = pool.RunPythonAsync(GatedProgram.Code("'done'"), CancellationToken.None);
        var queued = Enumerable.Range(0, 4).Select(i => pool.RunPythonAsync($"print({i} + {i})", CancellationToken.None)).ToList();
        await GatedProgram.WaitUntilRunningAsync(client, pool.PoolId, TimeSpan.FromMinutes(1));

        // Act: a process entered from outside (so not under the programs' seccomp filter) SIGKILLs the forker, the
        // only process whose parent is the front (PID 1). It lists the front's children before it kills any: once the
        // forker dies its program is the front's child too, and a fast machine reparents it before a scan reaches it.
        var (killed, errors) = await ExecInContainerAsync(client, victim.ID,
            "import os\n" +
            "def parent(p):\n" +
            "    try:\n" +
            "        return open('/proc/%s/stat' % p).read().rsplit(')', 1)[1].split()[1]\n" +
            "    except OSError:\n" +
            "        return None\n" +
            "children = [p for p in filter(str.isdigit, os.listdir('/proc')) if parent(p) == '1']\n" +
            "print(' '.join(children), flush=True)\n" +
            "for p in children:\n" +
            "    os.kill(int(p), 9)");
        var released = await GatedProgram.ReleaseUntilAsync(client, pool.PoolId, running, TimeSpan.FromMinutes(1));
        var result = await running;
        var queuedResults = await Task.WhenAll(queued);

        // Assert
        Assert.That(killed.Trim(), Does.Match("^[0-9]+$"), $"exactly one process (the forker) had the front as parent; stderr: {errors}");
        Assert.That(released, Is.GreaterThanOrEqualTo(1), "the program lost with the forker ran again to its release");
        Assert.That(result.Status, Is.EqualTo(ExecStatus.Ok), result.Stderr);
        Assert.That(result.Stdout, Is.EqualTo("done\n"));
        Assert.That(queuedResults.Select(r => r.Stdout), Is.EqualTo(Enumerable.Range(0, 4).Select(i => $"{i + i}\n")));
        Assert.That(pool.Replacements, Is.EqualTo(1));
        await LeakCheck.AssertNoLeaksAsync(pool, expectedWorkers: 1);
    }

    [Test]
    public async Task A_process_entered_as_root_is_left_alone_and_programs_keep_their_verdicts()
    {
        // Arrange: one worker, and a root process entered with docker exec that the front may not signal
        await using var pool = await SharedPool.StartAsync(SharedPool.Policy, OneWorker);
        using var client = DockerEngine.CreateClient();
        var worker = (await OrphanReaper.ListAsync(client, CancellationToken.None, pool.PoolId)).Single();
        const string rootCode = "import sys\nsys.stdin.read()\nprint('root left alone')"; // lives until the test closes its stdin
        var exec = await client.Exec.ExecCreateContainerAsync(worker.ID, new ContainerExecCreateParameters
        {
            Cmd = ["python3", "-c", rootCode], User = "0", AttachStdin = true, AttachStdout = true, AttachStderr = true,
        }, CancellationToken.None);
        using var entered = await client.Exec.StartAndAttachContainerExecAsync(exec.ID, tty: false, CancellationToken.None);
        await WaitForProcessAsync(client, worker.ID, "root left alone");

        // Act: programs whose clean-up has to look at every process (one leaves a child behind)
        var daemon = await pool.RunPythonAsync("import os, time\nif os.fork() == 0:\n    time.sleep(60)\nprint('parent')", CancellationToken.None);
        var plain = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => pool.RunPythonAsync($"print({i} * 3)", CancellationToken.None)));
        var stillThere = (await LeakCheck.ProcessesAsync(client, worker.ID)).Any(p => p.Contains("root left alone", StringComparison.Ordinal));
        entered.CloseWrite();
        var (rootOutput, rootErrors) = await entered.ReadOutputToEndAsync(CancellationToken.None);

        // Assert
        Assert.That(daemon.Status, Is.EqualTo(ExecStatus.Ok), daemon.Stderr);
        Assert.That(plain.Select(r => r.Stdout), Is.EqualTo(Enumerable.Range(0, 4).Select(i => $"{i * 3}\n")));
        Assert.That(stillThere, Is.True, "the root process was alive while the programs ran and were cleaned up after");
        Assert.That(rootOutput, Is.EqualTo("root left alone\n"), rootErrors);
        Assert.That(pool.Replacements, Is.Zero);
        await LeakCheck.AssertNoLeaksAsync(pool, expectedWorkers: 1);
    }

    [Test]
    public async Task A_hung_worker_is_replaced_and_the_program_retried()
    {
        // Arrange
        var policy = SharedPool.Policy with { WallClockSeconds = 2 };
        await using var pool = await SharedPool.StartAsync(policy, OneWorker with { HangGraceSeconds = 1 });
        using var client = DockerEngine.CreateClient();
        var victim = (await OrphanReaper.ListAsync(client, CancellationToken.None, pool.PoolId)).Single();
        await client.Containers.PauseContainerAsync(victim.ID, CancellationToken.None);

        // Act
        var result = await pool.RunPythonAsync("print('after the hang')", CancellationToken.None);

        // Assert
        Assert.That(result.Status, Is.EqualTo(ExecStatus.Ok), result.Stderr);
        Assert.That(result.Stdout, Is.EqualTo("after the hang\n"));
        Assert.That(pool.Replacements, Is.EqualTo(1));
        await LeakCheck.AssertNoLeaksAsync(pool, expectedWorkers: 1);
    }

    [Test]
    public async Task The_same_program_gives_identical_output_every_time()
    {
        // Arrange
        var pool = await SharedPool.GetAsync();
        const string code = "import random, numpy as np\nprint({'apple', 'pear', 'fig', 'kiwi'}, random.random(), np.random.rand())";

        // Act
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => pool.RunPythonAsync(code, CancellationToken.None)));

        // Assert
        Assert.That(runs.Select(r => r.Status), Is.All.EqualTo(ExecStatus.Ok));
        Assert.That(runs.Select(r => r.Stdout).Distinct().Count(), Is.EqualTo(1), string.Join("", runs.Select(r => r.Stdout)));
    }

    [Test]
    public async Task Output_over_the_cap_is_truncated_and_flagged()
    {
        // Arrange
        var pool = await SharedPool.GetAsync();

        // Act
        var result = await pool.RunPythonAsync("print('y' * 200000)", CancellationToken.None);

        // Assert
        Assert.That(result.Status, Is.EqualTo(ExecStatus.OutputLimit));
        Assert.That(result.Truncated, Is.True);
        Assert.That(result.Stdout, Has.Length.EqualTo(SharedPool.Policy.StdoutLimitBytes));
    }

    [Test]
    public async Task A_missing_image_is_reported_with_the_command_that_builds_it()
    {
        // Arrange
        if (!await DockerEngine.IsReachableAsync()) await SharedPool.StartAsync(SharedPool.Policy, OneWorker);

        // Act
        var error = await Assert.ThrowsAsync<SIaM.Core.InputException>(() =>
            DockerSandboxPool.StartAsync(SharedPool.Policy, OneWorker with { Image = "siam-sandbox:does-not-exist" }, CancellationToken.None));

        // Assert
        Assert.That(error!.Message, Does.Contain("siam sandbox build-image"));
    }

    /// <summary>
    /// Runs a Python snippet in a running container (as its own user unless <paramref name="user"/> is given) and
    /// returns its output. Its exit code is not judged: the front's clean-up may SIGKILL it once it has done its work.
    /// </summary>
    /// <summary>Waits until a process whose command line contains <paramref name="text"/> runs in the container.</summary>
    private static async Task WaitForProcessAsync(global::Docker.DotNet.DockerClient client, string id, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!(await LeakCheck.ProcessesAsync(client, id)).Any(p => p.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"no process with '{text}' started in {id[..12]}");
            await Task.Delay(20);
        }
    }

    private static async Task<(string Stdout, string Stderr)> ExecInContainerAsync(
        global::Docker.DotNet.DockerClient client, string id, string code, string? user = null)
    {
        var exec = await client.Exec.ExecCreateContainerAsync(id,
            new ContainerExecCreateParameters { Cmd = ["python3", "-c", code], User = user, AttachStdout = true, AttachStderr = true }, CancellationToken.None);
        using var stream = await client.Exec.StartAndAttachContainerExecAsync(exec.ID, tty: false, CancellationToken.None);
        return await stream.ReadOutputToEndAsync(CancellationToken.None);
    }
}
