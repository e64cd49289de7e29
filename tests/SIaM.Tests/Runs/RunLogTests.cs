using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.Tests.Runs;

public sealed class RunLogTests
{
    private static string V1Run => Path.Combine(TestContext.CurrentContext.TestDirectory, "Runs", "V1Run");

    [Test]
    public void Reads_a_run_written_by_schema_version_1()
    {
        // Act
        var run = RunLog.Read(V1Run);

        // Assert: samples come without the hashes v1 did not write; results are upgraded
        Assert.That(run.SchemaVersion, Is.EqualTo(1));
        Assert.That(run.Samples, Has.Count.EqualTo(4));
        Assert.That(run.Samples.Select(s => s.ProblemHash), Has.All.Null);
        var gsm8k = run.Results!.Benchmarks["gsm8k"];
        Assert.That(gsm8k.PassAt, Is.EqualTo(new Dictionary<string, double> { ["2"] = 1.0 }));
        Assert.That(run.Results.Status, Is.EqualTo(RunStatus.Partial));
        Assert.That(run.Results.Remaining, Is.EqualTo(new RemainingSamples(1, 0, 0)));
    }

    [Test]
    public void Refuses_a_run_of_a_newer_schema_naming_the_version()
    {
        // Arrange
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("run.json"), """{"schema_version": 99}""");

        // Act
        var error = Assert.Throws<InputException>(() => RunLog.Read(temp.Path))!;

        // Assert
        Assert.That(error.Message, Does.Contain("schema_version 99").And.Contain("run.json"));
    }

    [Test]
    public void A_results_file_that_cannot_be_read_names_its_schema_version()
    {
        // Arrange: a version-1 file with a broken benchmark entry
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("results.json"), """{"schema_version": 1, "benchmarks": {"gsm8k": {"n": "two"}}}""");

        // Act
        var error = Assert.Throws<InputException>(() => RunResultsFile.Read(temp.File("results.json")))!;

        // Assert
        Assert.That(error.Message, Does.Contain("schema_version 1"));
    }
}
