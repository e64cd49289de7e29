using System.Text.Json.Nodes;
using SIaM.Core.Backends;
using SIaM.Core.Runs;

namespace SIaM.IntegrationTests.Faults;

/// <summary>
/// A real eval against an OpenAI-compatible server on 127.0.0.1 that fails mid-run: the run ends cleanly (exit 1,
/// one-line cause, finished samples kept, failed ones recorded as generation errors) and a rerun on the same --out gives
/// the files of an uninterrupted run.
/// </summary>
[TestFixture, Category("Faults")]
public sealed class OpenAiFaultTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private static string[] Eval(OpenAiStub stub, string options, string outDirectory) =>
        ["eval", "--model", stub.ModelSpec(options), "--benchmarks", "gsm8k", "--limit", "8", "--prompt", "cot", "--sandbox", "none",
         "--batch-size", "1", "--concurrency", "1", "--data", SharedFixtures.BenchmarksData, "--out", outDirectory];

    [Test]
    public async Task A_server_that_goes_away_for_longer_than_the_retry_budget_ends_the_run_cleanly_and_a_rerun_completes_it()
    {
        // Arrange: the server answers three requests, then goes away (connection refused) until the test brings it back
        using var temp = new TempDirectory();
        await using var stub = OpenAiStub.Start(n => n == 4 ? StubReply.GoAway : StubReply.Answer);
        var reference = await SiamProcess.RunAsync(temp.Path, Limit, null, Eval(stub, "?retries=1", temp.File("reference")));
        var faulted = temp.File("faulted");

        // Act
        var down = await SiamProcess.RunAsync(temp.Path, Limit, null, Eval(stub, "?retries=1", faulted));
        var samplesWhileDown = SamplesFile.Read(Path.Combine(faulted, RunDirectory.SamplesFile)).Values.ToList();
        stub.Listen();
        var rerun = await SiamProcess.RunAsync(temp.Path, Limit, null, Eval(stub, "?retries=1", faulted));

        // Assert
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Stderr);
        Assert.That(down.ExitCode, Is.EqualTo(1), down.Stderr);
        Assert.That(down.Stderr, Does.Contain("cannot connect to").And.Contain("is the server running?").And.Contain("rerun the same command"));
        RunFiles.AssertNoStackTrace(down);
        Assert.That(samplesWhileDown.Count(s => s.CompletionStatus == CompletionStatus.Ok), Is.EqualTo(3), "the samples done before it went away are kept");
        Assert.That(samplesWhileDown.Count(s => s.CompletionStatus == CompletionStatus.Error), Is.EqualTo(5), "the others are generation errors");
        Assert.That(samplesWhileDown.Where(s => s.CompletionStatus == CompletionStatus.Error).Select(s => s.Correct), Is.All.Null, "never graded as wrong");
        var partial = JsonNode.Parse(File.ReadAllText(Path.Combine(faulted, RunDirectory.ResultsFile)))!;
        Assert.That(partial["benchmarks"]!["gsm8k"]!["errors"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Stderr);
        RunFiles.AssertIdentical(temp.File("reference"), faulted);
    }

    [Test]
    public async Task Garbage_truncated_and_500_answers_for_a_stretch_become_generation_errors_that_a_rerun_redoes()
    {
        // Arrange: requests 3-8 get a bad answer each (3 attempts per sample with retries=2: samples 2 and 3 give up)
        using var temp = new TempDirectory();
        StubReply[] stretch = [StubReply.Garbage, StubReply.Truncated, StubReply.ServerError];
        var faulting = true;
        await using var stub = OpenAiStub.Start(n => faulting && n is >= 3 and <= 8 ? stretch[(n - 3) % 3] : StubReply.Answer);
        var faulted = temp.File("faulted");

        // Act
        var first = await SiamProcess.RunAsync(temp.Path, Limit, null, Eval(stub, "?retries=2", faulted));
        var afterFaults = SamplesFile.Read(Path.Combine(faulted, RunDirectory.SamplesFile)).Values.ToList();
        faulting = false;
        var rerun = await SiamProcess.RunAsync(temp.Path, Limit, null, Eval(stub, "?retries=2", faulted));
        var reference = await SiamProcess.RunAsync(temp.Path, Limit, null, Eval(stub, "?retries=2", temp.File("reference")));

        // Assert
        Assert.That(first.ExitCode, Is.EqualTo(1), first.Stderr);
        RunFiles.AssertNoStackTrace(first);
        var errors = afterFaults.Where(s => s.CompletionStatus == CompletionStatus.Error).ToList();
        Assert.That(errors.Select(s => s.Index), Is.EquivalentTo(new[] { 2, 3 }));
        Assert.That(errors.Select(s => s.Error), Is.All.Contain("gave up after 3 attempts"));
        Assert.That(afterFaults.Count(s => s.CompletionStatus == CompletionStatus.Ok), Is.EqualTo(6));
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Stderr);
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Stderr);
        RunFiles.AssertIdentical(temp.File("reference"), faulted);
    }
}
