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
        // Arrange: a slow server (so the run is still going when the disk fills) and a 1 MiB tmpfs as --out
        using var temp = new TempDirectory();
        await using var stub = OpenAiStub.Start(delay: TimeSpan.FromMilliseconds(100));
        var reference = await SiamProcess.RunAsync(temp.Path, Limit, null, Eval(stub, temp.File("reference")));
        using var disk = TmpfsMount.Create(temp.File("disk"), "size=1m");
        var run = Path.Combine(disk.Path, "run");
        using var siam = SiamProcess.Start(temp.Path, null, Eval(stub, run));
        await RunFiles.WaitForSamplesAsync(run, 3, siam, Limit);

        // Act
        var filler = disk.Fill();
        var full = await siam.WaitAsync(Limit);
        var kept = SamplesFile.Read(Path.Combine(run, RunDirectory.SamplesFile));
        File.Delete(filler);
        var rerun = await SiamProcess.RunAsync(temp.Path, Limit, null, Eval(stub, run));

        // Assert
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Stderr);
        Assert.That(full.ExitCode, Is.EqualTo(1), full.Stderr);
        Assert.That(full.Stderr, Does.Contain("no space left on the device").And.Contain("rerun the same command"));
        RunFiles.AssertNoStackTrace(full);
        Assert.That(kept.Count, Is.InRange(3, 29), "the samples written before the disk filled stay readable");
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Stderr);
        RunFiles.AssertIdentical(temp.File("reference"), run);
    }
}
