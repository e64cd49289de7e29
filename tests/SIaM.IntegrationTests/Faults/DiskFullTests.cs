using SIaM.Core.Runs;

namespace SIaM.IntegrationTests.Faults;

/// <summary>The output disk fills up mid-run: a clear error, a readable run directory, and a rerun that completes it.</summary>
[TestFixture, Category("Faults")]
public sealed class DiskFullTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private static string[] Eval(OpenAiStub stub, string outDirectory) =>
        ["eval", "--model", stub.ModelSpec(), "--benchmarks", "gsm8k", "--limit", "30", "--prompt", "cot", "--sandbox", "none",
         "--batch-size", "1", "--concurrency", "1", "--data", SharedFixtures.BenchmarksData, "--out", outDirectory];

    [Test]
    public async Task A_disk_that_fills_up_mid_run_ends_it_with_a_clear_error_and_a_rerun_after_freeing_space_completes_it()
    {
        // Arrange: a server that holds the faulted run's fifth request until the disk is full (one request at a time,
        // so four samples are written by then and the run cannot finish before the fault), and a 1 MiB tmpfs as --out
        using var temp = new TempDirectory();
        var holdAt = int.MaxValue;
        await using var stub = OpenAiStub.Start(n => n == holdAt ? StubReply.Hold : StubReply.Answer);
        var reference = await SiamProcess.RunAsync(temp.Path, Limit, null, Eval(stub, temp.File("reference")));
        using var disk = TmpfsMount.Create(temp.File("disk"), "size=1m");
        var run = Path.Combine(disk.Path, "run");
        holdAt = stub.Requests + 5;
        using var siam = SiamProcess.Start(temp.Path, null, Eval(stub, run));
        await stub.WaitUntilHeldAsync(Limit);

        // Act
        var filler = disk.Fill();
        stub.ReleaseHeld();
        var full = await siam.WaitAsync(Limit);
        var kept = SamplesFile.Read(Path.Combine(run, RunDirectory.SamplesFile));
        File.Delete(filler);
        var rerun = await SiamProcess.RunAsync(temp.Path, Limit, null, Eval(stub, run));

        // Assert
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Stderr);
        Assert.That(full.ExitCode, Is.EqualTo(1), full.Stderr);
        Assert.That(full.Stderr, Does.Contain("no space left on the device").And.Contain("rerun the same command"));
        RunFiles.AssertNoStackTrace(full);
        Assert.That(kept.Count, Is.InRange(3, 29), "the samples written before the disk filled stay readable, and the run ended early");
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Stderr);
        RunFiles.AssertIdentical(temp.File("reference"), run);
    }
}
