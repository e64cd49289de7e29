using SIaM.Core.Runs;
using SIaM.IntegrationTests.EndToEnd;

namespace SIaM.IntegrationTests.Faults;

/// <summary>The files of a run directory, for comparing two runs (results.json without its timing).</summary>
public static class RunFiles
{
    public static void AssertIdentical(string expectedDirectory, string actualDirectory)
    {
        foreach (var name in new[] { RunDirectory.IdentityFile, RunDirectory.SamplesFile, RunDirectory.SummaryFile })
            Assert.That(File.ReadAllBytes(Path.Combine(actualDirectory, name)), Is.EqualTo(File.ReadAllBytes(Path.Combine(expectedDirectory, name))),
                $"{name} differs from the uninterrupted run's");
        Assert.That(Normalized.Results(Path.Combine(actualDirectory, RunDirectory.ResultsFile)),
            Is.EqualTo(Normalized.Results(Path.Combine(expectedDirectory, RunDirectory.ResultsFile))), "results.json (timing aside) differs");
    }

    /// <summary>Lines of samples.jsonl so far (0 when it does not exist yet); never throws on a torn last line.</summary>
    public static int SampleLines(string directory)
    {
        var path = Path.Combine(directory, RunDirectory.SamplesFile);
        try
        {
            return File.Exists(path) ? SamplesFile.Read(path).Count : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Waits until samples.jsonl holds at least <paramref name="count"/> samples or the process has exited.</summary>
    public static async Task WaitForSamplesAsync(string directory, int count, SiamProcess process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (SampleLines(directory) < count && !process.HasExited)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"no {count} samples in {directory} within {timeout.TotalSeconds:0} s");
            await Task.Delay(50);
        }
    }

    /// <summary>Asserts that no output carries a stack trace or the runtime's unhandled-exception banner.</summary>
    public static void AssertNoStackTrace(Siam.Outcome outcome)
    {
        var output = outcome.Stdout + outcome.Stderr;
        Assert.That(output, Does.Not.Contain("Unhandled exception"));
        Assert.That(output, Does.Not.Contain("   at "));
    }
}
