using SIaM.Core;
using SIaM.Core.Runs;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Plots;
using SIaM.Reporting.Runs;
using SIaM.Reporting.Snapshots;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Snapshots;

public sealed class SnapshotStoreTests
{
    [Test]
    public void Saving_a_run_twice_gives_the_same_bytes_and_the_snapshot_reads_back_as_a_run()
    {
        using var temp = new TempDirectory();
        var run = RunLog.Read(TestRuns.Write(temp.File("run"), "ckpt", 1, TestRuns.CandidateSamples()));
        var store = new SnapshotStore(temp.File("snapshots"));

        var first = store.Save(run, "nightly");
        var bytes = Directory.GetFiles(first).Order().Select(File.ReadAllBytes).ToList();
        store.Save(run, "nightly");
        var loaded = RunSource.Load("nightly", store);

        Assert.That(Directory.GetFiles(first).Order().Select(File.ReadAllBytes), Is.EqualTo(bytes));
        Assert.That(loaded.Log.Samples, Has.Count.EqualTo(run.Samples.Count));
        Assert.That(loaded.Log.Results!.Timing, Is.EqualTo(new RunTiming(DateTimeOffset.UnixEpoch, 0, "")));
        Assert.That(loaded.Log.Samples.SelectMany(s => s.Executions).Where(e => e.Status == Core.Sandbox.ExecStatus.Ok).Select(e => e.Stderr), Has.All.Empty);
        Assert.That(store.Names(), Is.EqualTo(new[] { "nightly" }));
    }

    [Test]
    public void Checkpoint_label_and_step_travel_into_the_snapshot_and_label_the_run()
    {
        using var temp = new TempDirectory();
        var directory = TestRuns.Write(temp.File("run"), "ignored", 0, TestRuns.BaseSamples());
        CheckpointFile.Write(directory, "第三轮", 3000);
        var store = new SnapshotStore(temp.File("snapshots"));

        store.Save(RunLog.Read(directory), "round3");
        var label = RunLabel.Of(RunSource.Load("round3", store));

        Assert.That(label, Is.EqualTo(new RunLabel("第三轮", 3000)));
    }

    [Test]
    public void Unknown_run_or_snapshot_is_an_input_error_listing_the_snapshots()
    {
        using var temp = new TempDirectory();
        var store = new SnapshotStore(temp.File("snapshots"));
        store.Save(RunLog.Read(TestRuns.Write(temp.File("run"), "a", 1, TestRuns.BaseSamples())), "accepted");

        var error = Assert.Throws<InputException>(() => RunSource.Load("acepted", store));

        Assert.That(error!.Message, Does.Contain("neither a run directory").And.Contain("snapshots: accepted"));
    }

    [TestCase("../escape")]
    [TestCase("")]
    [TestCase(".hidden")]
    public void Snapshot_names_outside_the_safe_alphabet_are_refused(string name)
    {
        using var temp = new TempDirectory();
        var run = RunLog.Read(TestRuns.Write(temp.File("run"), "a", 1, TestRuns.BaseSamples()));

        Assert.Throws<InputException>(() => new SnapshotStore(temp.File("snapshots")).Save(run, name));
    }
}
