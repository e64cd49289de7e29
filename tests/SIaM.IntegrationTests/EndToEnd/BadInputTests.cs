namespace SIaM.IntegrationTests.EndToEnd;

public sealed class BadInputTests
{
    [Test]
    public async Task Lists_the_valid_names_for_an_unknown_benchmark()
    {
        using var temp = new TempDirectory();

        var outcome = await Siam.RunAsync(temp.Path, "eval", "--model", "oracle:", "--benchmarks", "gsm9k", "--out", temp.File("run"));

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Stderr, Does.Contain("gsm9k").And.Contain("gsm8k").And.Contain("en-id"));
        Assert.That(Directory.Exists(temp.File("run")), Is.False, "nothing is written for a refused run");
    }

    [Test]
    public async Task Names_the_file_and_line_of_a_malformed_replay_file()
    {
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("r.jsonl"), ["""{"id": "gsm8k/0", "completion": "\\boxed{1}"}""", "{oops"]);

        var outcome = await Siam.RunAsync(temp.Path, "eval", "--model", $"replay:{temp.File("r.jsonl")}", "--benchmarks", "gsm8k",
            "--prompt", "cot", "--sandbox", "none", "--out", temp.File("run"));

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Stderr, Does.Contain($"{temp.File("r.jsonl")}:2:"));
    }

    [Test]
    public async Task Says_where_it_looked_when_the_data_directory_is_missing()
    {
        using var temp = new TempDirectory();

        var outcome = await Siam.RunAsync(
            temp.Path,
            "eval",
            "--model", "oracle:",
            "--benchmarks", "gsm8k",
            "--data", temp.File("nowhere"),
            "--out", temp.File("run"));

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Stderr, Does.Contain(temp.File("nowhere")));
    }

    [Test]
    public async Task Refuses_a_different_configuration_on_an_existing_output_directory()
    {
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("r.jsonl"), ["""{"id": "gsm8k/0", "completion": "\\boxed{1}"}"""]);
        string[] Args(string seed) => ["eval", "--model", $"replay:{temp.File("r.jsonl")}", "--benchmarks", "gsm8k", "--limit", "1",
            "--prompt", "cot", "--sandbox", "none", "--seed", seed, "--out", temp.File("run")];
        var first = await Siam.RunAsync(temp.Path, Args("0"));
        var before = File.ReadAllText(temp.File("run/results.json"));

        var second = await Siam.RunAsync(temp.Path, Args("1"));

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Stderr);
        Assert.That(second.ExitCode, Is.EqualTo(2));
        Assert.That(second.Stderr, Does.Contain("different configuration").And.Contain("seed"));
        Assert.That(File.ReadAllText(temp.File("run/results.json")), Is.EqualTo(before));
    }

    [Test]
    public async Task Rejects_an_unknown_option_with_the_usage_exit_code()
    {
        using var temp = new TempDirectory();

        var outcome = await Siam.RunAsync(temp.Path, "eval", "--model", "oracle:", "--benchmarks", "gsm8k", "--frobnicate");

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Stderr, Does.Contain("--frobnicate"));
    }
}
