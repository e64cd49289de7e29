using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.Tests.Runs;

public sealed class RunDirectoryTests
{
    private static RunIdentity Identity(string grader = "grader@1+aaaaaaaa", string? weights = "w1") => new(
        RunIdentity.CurrentSchemaVersion, new HarnessStamp("0.1.0", "abc"), grader,
        new ModelFingerprint("hf:m", weights, new SortedDictionary<string, string> { ["model.safetensors"] = weights ?? "" }),
        new SandboxFingerprint("docker", "sha256:1"), new JsonObject { ["model"] = "hf:m", ["seed"] = 0 },
        new SortedDictionary<string, string> { ["gsm8k"] = "gsm8k@1+12345678" },
        new SortedDictionary<string, string> { ["gsm8k"] = "dd" },
        new SortedDictionary<string, string> { ["pot/en"] = "ee" });

    [Test]
    public void Reopens_a_directory_with_an_equal_identity()
    {
        using var temp = new TempDirectory();
        RunDirectory.Open(temp.Path, Identity());

        Assert.DoesNotThrow(() => RunDirectory.Open(temp.Path, Identity()));
    }

    [Test]
    public void Refuses_new_weights_or_a_new_grader_naming_the_fields_and_writes_nothing()
    {
        // Arrange
        using var temp = new TempDirectory();
        RunDirectory.Open(temp.Path, Identity());
        var before = File.ReadAllText(Path.Combine(temp.Path, "run.json"));

        // Act
        var error = Assert.Throws<InputException>(() => RunDirectory.Open(temp.Path, Identity(grader: "grader@1+bbbbbbbb", weights: "w2")))!;

        // Assert
        Assert.That(error.Message, Does.Contain("grader_version").And.Contain("model.content_sha256").And.Contain("model.details.model.safetensors"));
        Assert.That(File.ReadAllText(Path.Combine(temp.Path, "run.json")), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(temp.Path), Has.Length.EqualTo(1));
    }

    [Test]
    public void Refuses_to_resume_a_run_of_an_older_schema_naming_its_version()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(Path.Combine(temp.Path, "run.json"), """{"schema_version": 1, "spec": {}}""");

        var error = Assert.Throws<InputException>(() => RunDirectory.Open(temp.Path, Identity()))!;

        Assert.That(error.Message, Does.Contain("schema_version 1").And.Contain("not resumed"));
    }

    [Test]
    public void The_run_id_is_a_function_of_the_identity()
    {
        Assert.That(Identity().RunId, Is.EqualTo(Identity().RunId).And.Match("^[0-9a-f]{12}$"));
        Assert.That(Identity(weights: "w2").RunId, Is.Not.EqualTo(Identity().RunId));
    }
}
