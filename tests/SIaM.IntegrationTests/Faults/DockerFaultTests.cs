using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.IntegrationTests.Faults;

/// <summary>
/// Faults during a real eval with the Docker executor (oracle programs on GSM8K): a container killed from outside,
/// SIGTERM/SIGINT, SIGKILL at random points, and the engine itself stopped. Each ends with a rerun on the same --out
/// whose files are identical to an uninterrupted run's.
/// </summary>
[TestFixture, Category("Faults"), Category("Docker"), NonParallelizable]
public sealed class DockerFaultTests
{
    private const int Problems = 24;

    // Runs that must still be going when a signal lands: samples go on being written between the test seeing its
    // target count and the signal being handled (a few, or many on a loaded machine), so 24 problems can finish first.
    private const int LongProblems = 60;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
    private TempDirectory _temp = null!;
    private string _reference = null!;
    private string? _longReference;

    private static string[] Eval(string outDirectory, int batchSize = 2, int problems = Problems) =>
        ["eval", "--model", "oracle:", "--benchmarks", "gsm8k", "--limit", problems.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--batch-size", batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--concurrency", "1", "--data", SharedFixtures.BenchmarksData, "--out", outDirectory];

    [OneTimeSetUp]
    public async Task An_uninterrupted_run_to_compare_with()
    {
        DockerGate.Require();
        _temp = new TempDirectory();
        _reference = _temp.File("reference");
        var outcome = await SiamProcess.RunAsync(_temp.Path, Limit, null, Eval(_reference));
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
    }

    /// <summary>An uninterrupted run of <see cref="LongProblems"/> problems, made once for the tests that need one.</summary>
    private async Task<string> LongReferenceAsync()
    {
        if (_longReference is not null) return _longReference;
        var reference = _temp.File("long-reference");
        var outcome = await SiamProcess.RunAsync(_temp.Path, Limit, null, Eval(reference, problems: LongProblems));
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        return _longReference = reference;
    }

    [OneTimeTearDown]
    public void RemoveTemp() => _temp?.Dispose();

    [Test]
    public async Task A_sandbox_container_killed_from_outside_is_replaced_and_no_program_is_lost_or_duplicated()
    {
        // Arrange
        var run = _temp.File($"killed-container-{Guid.NewGuid():N}");
        using var siam = SiamProcess.Start(_temp.Path, null, Eval(run));
        await RunFiles.WaitForSamplesAsync(run, 4, siam, Limit);
        var containers = DockerCli.ContainersOf(siam.Id);

        // Act: kill this run's own first container (never another run's)
        Assert.That(containers, Is.Not.Empty, "the run's containers carry its pid");
        var kill = DockerCli.Run(null, "kill", containers[0]);
        var outcome = await siam.WaitAsync(Limit);

        // Assert
        Assert.That(kill.ExitCode, Is.EqualTo(0).Or.EqualTo(1), kill.Output); // 1: it had already been replaced
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
        var reference = await LongReferenceAsync();
        var run = _temp.File($"signal-{signal}");
        using var siam = SiamProcess.Start(_temp.Path, null, Eval(run, problems: LongProblems));
        await RunFiles.WaitForSamplesAsync(run, 6, siam, Limit);

        // Act
        siam.Signal(signal);
        var stopped = await siam.WaitAsync(TimeSpan.FromSeconds(60));
        var kept = File.ReadAllLines(Path.Combine(run, RunDirectory.SamplesFile));
        var leftover = await DockerCli.WaitUntilGoneAsync([siam.Id], TimeSpan.FromSeconds(5));
        var rerun = await SiamProcess.RunAsync(_temp.Path, Limit, null, Eval(run, problems: LongProblems));

        // Assert
        Assert.That(stopped.ExitCode, Is.EqualTo(exitCode), stopped.Stderr);
        RunFiles.AssertNoStackTrace(stopped);
        Assert.That(kept.Length, Is.InRange(6, LongProblems - 1), "finished samples were flushed, and the run stopped before the end");
        Assert.That(File.ReadAllText(Path.Combine(run, RunDirectory.SamplesFile)), Does.Not.Contain("\n\n"));
        Assert.That(leftover, Is.Empty, "the run removed its containers before exiting");
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Stderr);
        RunFiles.AssertIdentical(reference, run);
    }

    [Test]
    public async Task Five_SIGKILLs_at_random_points_lose_nothing_and_leave_no_containers_behind()
    {
        // Arrange: the long run, since samples go on being written between reaching a kill's target and the kill
        // landing (a few per attempt): 60 problems outlast five kills
        const int problems = LongProblems;
        var reference = await LongReferenceAsync();
        var run = _temp.File("sigkill");
        var random = new Random(20261201);
        var killed = new List<int>();

        // Act: kill -9 each attempt after a random number of new samples
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var target = RunFiles.SampleLines(run) + random.Next(1, 4);
            using var siam = SiamProcess.Start(_temp.Path, null, Eval(run, problems: problems));
            await RunFiles.WaitForSamplesAsync(run, target, siam, Limit);
            await Task.Delay(random.Next(0, 150));
            siam.Signal("KILL");
            await siam.WaitAsync(TimeSpan.FromSeconds(30));
            killed.Add(siam.Id);
            Assert.DoesNotThrow(() => SamplesFile.Read(Path.Combine(run, RunDirectory.SamplesFile)), "the samples stay readable after a SIGKILL");
        }
        var final = await SiamProcess.RunAsync(_temp.Path, Limit, null, Eval(run, problems: problems));
        var leftover = await DockerCli.WaitUntilGoneAsync(killed, TimeSpan.FromSeconds(30));

        // Assert
        Assert.That(final.ExitCode, Is.EqualTo(0), final.Stderr);
        RunFiles.AssertIdentical(reference, run);
        Assert.That(leftover, Is.Empty, "containers of killed runs exit with their attach or are reaped by the next run");
    }

    [Test]
    public async Task The_engine_stopped_mid_run_turns_programs_in_flight_into_sandbox_failures_and_a_rerun_completes_them()
    {
        // Arrange: a private engine, so the shared one is never stopped
        using var engine = new PrivateDockerEngine();
        engine.Start();
        engine.EnsureImage(SandboxImage.Tag);
        // 900 problems one program at a time, so that the engine is stopped mid-run (the batch size never changes
        // results); 24 were all done in about a second, before a stop could land
        const int problems = 900; // ≈ 30 s of programs: the stop (dockerd waits up to 10 s for containers) must land mid-run
        var expected = _temp.File("engine-stopped-reference");
        var uninterrupted = await SiamProcess.RunAsync(_temp.Path, Limit, null, Eval(expected, problems: problems));
        Assert.That(uninterrupted.ExitCode, Is.EqualTo(0), uninterrupted.Stderr);
        var run = _temp.File("engine-stopped");
        using var siam = SiamProcess.Start(_temp.Path, engine.Environment, Eval(run, batchSize: 1, problems: problems));
        await RunFiles.WaitForSamplesAsync(run, 2, siam, Limit);

        // Act
        engine.Stop();
        var stopped = await siam.WaitAsync(TimeSpan.FromMinutes(2)); // bounded: never a hang
        var afterStop = SamplesFile.Read(Path.Combine(run, RunDirectory.SamplesFile)).Values.ToList();
        engine.Start();
        var rerun = await SiamProcess.RunAsync(_temp.Path, Limit, engine.Environment, Eval(run, problems: problems));

        // Assert
        Assert.That(stopped.ExitCode, Is.EqualTo(1), stopped.Stderr);
        RunFiles.AssertNoStackTrace(stopped);
        Assert.That(stopped.Stderr, Does.Contain("sandbox failure").And.Contain("rerun the same command"));
        var failures = afterStop.Where(s => s.Executions.Any(e => e.Status == ExecStatus.SandboxFailure)).ToList();
        Assert.That(failures, Is.Not.Empty);
        Assert.That(failures.Select(s => s.Correct), Is.All.Null, "a sandbox failure is never graded");
        var reference = SamplesFile.Read(Path.Combine(expected, RunDirectory.SamplesFile));
        Assert.That(afterStop.Where(s => s.Correct == false).Select(s => reference[s.Key].Correct), Is.All.False,
            "no sample became a wrong answer because the engine went away");
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Stderr);
        RunFiles.AssertIdentical(expected, run);
    }
}
