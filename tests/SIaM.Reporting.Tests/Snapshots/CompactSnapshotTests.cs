using SIaM.Core.Runs;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Snapshots;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Snapshots;

public sealed class CompactSnapshotTests
{
    [Test]
    public void A_compact_snapshot_reads_back_every_field_with_hashes_cut_to_their_first_16_digits()
    {
        var samples = GsmReplay.Samples(200);
        samples[5] = samples[5] with
        {
            Code = "print('not in the completion')",
            NormalizedPrediction = "other",
            CompletionStatus = Core.Backends.CompletionStatus.Error,
            Error = "backend failed",
            Executions = [new ExecutionRecord(Core.Sandbox.ExecStatus.Timeout, null, "partial", "Traceback\n", true)],
            Correct = null,
        };

        var read = CompactSamplesFile.Decode(CompactSamplesFile.Encode(samples));

        Assert.That(read, Is.EqualTo(samples.Select(s => s with
        {
            PromptHash = s.PromptHash[..16],
            ProblemHash = s.ProblemHash![..16],
            ReferenceHash = s.ReferenceHash![..16],
        })).Using<SampleRecord>(Same));
    }

    [Test]
    public void Comparing_with_the_compact_snapshot_gives_the_same_result_as_with_the_run_it_was_saved_from()
    {
        using var temp = new TempDirectory();
        var baseRun = RunLog.Read(TestRuns.Write(temp.File("base"), "base", 1, TestRuns.BaseSamples()));
        var candidate = new NamedRun("cand", RunLog.Read(TestRuns.Write(temp.File("cand"), "cand", 2, TestRuns.CandidateSamples())));
        var store = new SnapshotStore(temp.File("snapshots"));
        store.Save(baseRun, "accepted");

        var fromRun = RunComparer.Compare(new NamedRun("base", baseRun), candidate, seed: 7);
        var fromSnapshot = RunComparer.Compare(RunSource.Load("accepted", store), candidate, seed: 7);

        Assert.That(fromSnapshot.Rows, Is.EqualTo(fromRun.Rows));
        Assert.That(fromSnapshot.Flips.Select(f => (f.Kind, f.Id, f.Sample)), Is.EqualTo(fromRun.Flips.Select(f => (f.Kind, f.Id, f.Sample))));
        Assert.That(fromSnapshot.NotComparable, Is.EqualTo(fromRun.NotComparable));
        Assert.That(File.Exists(Path.Combine(temp.File("snapshots"), "accepted", RunDirectory.SamplesFile)), Is.False);
    }

    [Test]
    public void A_snapshot_saved_before_compaction_with_its_samples_jsonl_still_reads()
    {
        using var temp = new TempDirectory();
        TestRuns.Write(temp.File("snapshots/old-night"), "old", 1, TestRuns.BaseSamples());

        var loaded = RunSource.Load("old-night", new SnapshotStore(temp.File("snapshots")));

        Assert.That(loaded.Log.Samples, Is.EqualTo(TestRuns.BaseSamples()).Using<SampleRecord>(Same));
    }

    [Test]
    public void A_gsm8k_replay_snapshot_takes_at_most_250_bytes_per_sample()
    {
        using var temp = new TempDirectory();
        var samples = GsmReplay.Samples();
        var run = RunLog.Read(TestRuns.Write(temp.File("run"), "replay", 1, samples));
        var plain = new FileInfo(temp.File("run/samples.jsonl")).Length;

        var path = new SnapshotStore(temp.File("snapshots")).Save(run, "replay");
        var perSample = SnapshotStore.SizeOf(path) / (double)samples.Count;

        TestContext.Out.WriteLine(
            $"{samples.Count} samples: samples.jsonl {plain / (double)samples.Count:0} B/sample, compact snapshot {perSample:0} B/sample");
        Assert.That(samples, Has.Count.EqualTo(1319));
        Assert.That(perSample, Is.LessThanOrEqualTo(250));
    }

    [Test]
    public void A_damaged_compact_file_is_an_input_error_naming_it()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File(CompactSamplesFile.FileName), [1, 2, 3, 4]);

        var error = Assert.Throws<Core.InputException>(() => CompactSamplesFile.Read(temp.File(CompactSamplesFile.FileName)));

        Assert.That(error!.Message, Does.StartWith(temp.File(CompactSamplesFile.FileName)).And.Contain("not a compact samples file"));
    }

    // Records hold lists of executions, which compare by reference; compare them by their JSON instead.
    private static bool Same(SampleRecord a, SampleRecord b) =>
        System.Text.Json.JsonSerializer.Serialize(a, JsonFormat.Line) == System.Text.Json.JsonSerializer.Serialize(b, JsonFormat.Line);
}
