using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.IntegrationTests.Faults;

/// <summary>
/// Faults during a real eval with the Docker executor: a container killed from outside, SIGTERM/SIGINT, SIGKILL at
/// random points, and the engine itself stopped. The run replays GSM8K programs whose last one blocks until the test
/// releases it (<see cref="BlockingReplay"/>), so every fault lands mid-run whatever the machine's speed, and each test
/// asserts that it did (exit code, status, samples short of the end) before a rerun on the same --out must give the files
/// of an uninterrupted run.
/// </summary>
[TestFixture, Category("Faults"), Category("Docker"), NonParallelizable]
public sealed class DockerFaultTests
{
    private const int Problems = 24;

    // Generous: a run is a few seconds of programs on a fast machine; the limit only turns a hang into a failure.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
    private TempDirectory _temp = null!;
    private BlockingReplay _replay = null!;
    private string _reference = null!;

    private string[] Eval(string outDirectory, int inFlight = 2) =>
        ["eval", "--model", _replay.ModelSpec, "--benchmarks", "gsm8k", "--limit", Problems.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--max-in-flight", inFlight.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--data", SharedFixtures.BenchmarksData, "--out", outDirectory];

    [OneTimeSetUp]
    public async Task An_uninterrupted_run_to_compare_with()
    {
        DockerGate.Require();
        _temp = new TempDirectory();
        _replay = BlockingReplay.Write(_temp.File("replay.jsonl"), Problems);
        _reference = _temp.File("reference");
        var (outcome, releases) = await ProgramGate.RunReleasingAsync(_temp.Path, Limit, null, null, Eval(_reference));
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        Assert.That(releases, Is.EqualTo(1), "the blocked program ran once and was released once");
        Assert.That(SamplesFile.Read(Path.Combine(_reference, RunDirectory.SamplesFile)).Values.Count(s => s.Correct == true), Is.EqualTo(Problems),
            "every replayed program, the released one too, prints its reference answer");
    }

    [OneTimeTearDown]
    public void RemoveTemp() => _temp?.Dispose();

    [Test]
    public async Task A_sandbox_container_killed_from_outside_is_replaced_and_no_program_is_lost_or_duplicated()
    {
        // Arrange
        var run = _temp.File($"killed-container-{Guid.NewGuid():N}");
        using var siam = SiamProcess.Start(_temp.Path, null, Eval(run));
        var blockedIn = await ProgramGate.WaitUntilBlockedAsync(siam, Limit);

        // Act: kill the run's container that holds the blocked program (so its program is in flight when it dies)
        var kill = DockerCli.Run(null, "kill", blockedIn);
        var (outcome, releases) = await ProgramGate.ReleaseUntilExitAsync(siam, Limit);

        // Assert: the fault landed (the kill hit a running container, and the program ran again elsewhere)
        Assert.That(kill.ExitCode, Is.EqualTo(0), kill.Output);
        Assert.That(releases, Is.EqualTo(1), "the killed program was retried once, in another container");
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        RunFiles.AssertNoStackTrace(outcome);
        var lines = File.ReadAllLines(Path.Combine(run, RunDirectory.SamplesFile));
        Assert.That(lines, Has.Length.EqualTo(Problems), "one line per sample: none lost, none duplicated");
        RunFiles.AssertIdentical(_reference, run);
    }

    [TestCase("TERM", 143)]
    [TestCase("INT", 130)]
    public async Task A_signal_stops_the_run_cleanly_and_a_rerun_completes_it(string signal, int exitCode)
    {
        // Arrange
        var run = _temp.File($"signal-{signal}");
        using var siam = SiamProcess.Start(_temp.Path, null, Eval(run));
        await ProgramGate.WaitUntilBlockedAsync(siam, Limit);

        // Act
        siam.Signal(signal);
        var stopped = await siam.WaitAsync(TimeSpan.FromSeconds(60));
        var kept = File.ReadAllLines(Path.Combine(run, RunDirectory.SamplesFile));
        var leftover = await DockerCli.WaitUntilGoneAsync([siam.Id], TimeSpan.FromSeconds(5));
        var (rerun, _) = await ProgramGate.RunReleasingAsync(_temp.Path, Limit, null, null, Eval(run));

        // Assert
        Assert.That(stopped.ExitCode, Is.EqualTo(exitCode), stopped.Stderr);
        RunFiles.AssertNoStackTrace(stopped);
        Assert.That(kept.Length, Is.InRange(1, Problems - 1), "finished samples were flushed, and the run stopped before the end");
        Assert.That(File.ReadAllText(Path.Combine(run, RunDirectory.SamplesFile)), Does.Not.Contain("\n\n"));
        Assert.That(leftover, Is.Empty, "the run removed its containers before exiting");
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Stderr);
        RunFiles.AssertIdentical(_reference, run);
    }

    [Test]
    public async Task Five_SIGKILLs_at_random_points_lose_nothing_and_leave_no_containers_behind()
    {
        // Arrange
        var run = _temp.File("sigkill");
        var random = new Random(20261201);
        var killed = new List<int>();

        // Act: kill -9 each attempt after a random number of new samples; the blocked last program keeps every attempt
        // from finishing, so a kill that comes late still lands mid-run. While the last program blocks, its sample is not
        // written, and with two in flight its neighbour may not be either: the target never asks for more than the
        // samples before them.
        const int reachable = Problems - 2;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var target = Math.Min(RunFiles.SampleLines(run) + random.Next(1, 4), reachable);
            using var siam = SiamProcess.Start(_temp.Path, null, Eval(run));
            await RunFiles.WaitForSamplesAsync(run, target, siam, Limit);
            siam.Signal("KILL");
            var outcome = await siam.WaitAsync(TimeSpan.FromSeconds(30));
            killed.Add(siam.Id);
            Assert.That(outcome.ExitCode, Is.EqualTo(128 + 9), $"attempt {attempt}: the SIGKILL ended the run");
            Assert.That(RunFiles.SampleLines(run), Is.LessThan(Problems), $"attempt {attempt}: the run was killed before its end; the blocked sample: " +
                string.Join(
                    " ",
                    File.ReadLines(Path.Combine(run, RunDirectory.SamplesFile))
                        .Where(l => l.Contains($"\"gsm8k/{_replay.BlockedIndex}\"", StringComparison.Ordinal)))
                + $"\nstderr: {outcome.Stderr}");
            Assert.DoesNotThrow(() => SamplesFile.Read(Path.Combine(run, RunDirectory.SamplesFile)), "the samples stay readable after a SIGKILL");
        }
        var (final, _) = await ProgramGate.RunReleasingAsync(_temp.Path, Limit, null, null, Eval(run));
        var leftover = await DockerCli.WaitUntilGoneAsync(killed, TimeSpan.FromSeconds(30));

        // Assert
        Assert.That(final.ExitCode, Is.EqualTo(0), final.Stderr);
        RunFiles.AssertIdentical(_reference, run);
        Assert.That(leftover, Is.Empty, "containers of killed runs exit with their attach or are reaped by the next run");
    }

    [Test]
    public async Task The_engine_stopped_mid_run_turns_programs_in_flight_into_sandbox_failures_and_a_rerun_completes_them()
    {
        // Arrange: a private engine, so the shared one is never stopped
        using var engine = new PrivateDockerEngine();
        engine.Start();
        engine.EnsureImage(SandboxImage.Tag);
        var run = _temp.File("engine-stopped");
        using var siam = SiamProcess.Start(_temp.Path, engine.Environment, Eval(run, inFlight: 1));
        await ProgramGate.WaitUntilBlockedAsync(siam, Limit, engine.Host);

        // Act: stop the engine while the blocked program is in flight
        engine.Stop();
        var stopped = await siam.WaitAsync(TimeSpan.FromMinutes(2)); // bounded: never a hang
        var afterStop = SamplesFile.Read(Path.Combine(run, RunDirectory.SamplesFile)).Values.ToList();
        engine.Start();
        var (rerun, _) = await ProgramGate.RunReleasingAsync(_temp.Path, Limit, engine.Environment, engine.Host, Eval(run));

        // Assert: the fault landed on the program in flight
        Assert.That(stopped.ExitCode, Is.EqualTo(1), stopped.Stderr);
        RunFiles.AssertNoStackTrace(stopped);
        Assert.That(stopped.Stderr, Does.Contain("sandbox failure").And.Contain("rerun the same command"));
        var blocked = afterStop.Single(s => s.Index == _replay.BlockedIndex);
        Assert.That(blocked.Executions.Select(e => e.Status), Does.Contain(ExecStatus.SandboxFailure), "the program in flight became a sandbox failure");
        var failures = afterStop.Where(s => s.Executions.Any(e => e.Status == ExecStatus.SandboxFailure)).ToList();
        Assert.That(failures.Select(s => s.Correct), Is.All.Null, "a sandbox failure is never graded");
        Assert.That(afterStop.Where(s => s.Correct == false), Is.Empty, "no sample became a wrong answer because the engine went away");
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Stderr);
        RunFiles.AssertIdentical(_reference, run);
    }
}
