namespace SIaM.IntegrationTests.EndToEnd;

public sealed class DataCommandTests
{
    [Test]
    public async Task Lists_all_35_benchmarks_as_found_and_verified()
    {
        using var temp = new TempDirectory();

        var outcome = await Siam.RunAsync(temp.Path, "catalog");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        Assert.That(outcome.Stdout, Does.Contain("35 benchmarks, 35 found, 35 verified"));
        Assert.That(outcome.Stdout, Does.Contain("mawps_singleop").And.Contain("gaokao_math_cloze").And.Contain("zh-ood"));
        Assert.That(outcome.Stderr, Does.Not.Contain("deprecated"));
    }

    [Test]
    public async Task The_old_verb_benchmarks_prints_the_same_catalog_after_a_deprecation_note_and_is_hidden_from_help()
    {
        using var temp = new TempDirectory();

        var catalog = await Siam.RunAsync(temp.Path, "catalog");
        var old = await Siam.RunAsync(temp.Path, "benchmarks");
        var help = await Siam.RunAsync(temp.Path, "--help");

        Assert.That(old.ExitCode, Is.EqualTo(0), old.Stderr);
        Assert.That(old.Stdout, Is.EqualTo(catalog.Stdout));
        Assert.That(old.Stderr, Does.Contain("note: 'siam benchmarks' is deprecated and will be removed; use 'siam catalog'"));
        Assert.That(help.Stdout, Does.Contain("  catalog ").And.Not.Contain("  benchmarks "));
    }

    [Test]
    public async Task Verifies_every_data_file_and_fails_with_exit_code_2_where_files_are_missing()
    {
        using var temp = new TempDirectory();

        var good = await Siam.RunAsync(temp.Path, "data", "verify");
        var empty = await Siam.RunAsync(temp.Path, "data", "verify", "--data", temp.Path);

        Assert.That(good.ExitCode, Is.EqualTo(0), good.Stderr);
        Assert.That(good.Stdout, Does.Contain("all files verified"));
        Assert.That(empty.ExitCode, Is.EqualTo(2));
        Assert.That(empty.Stdout + empty.Stderr, Does.Contain("gsm8k"));
    }

    [Test]
    public async Task Refuses_a_tampered_data_file_unless_unverified_data_is_allowed()
    {
        // Arrange: a copy of the data with one digit of an MGSM-zh question changed
        using var temp = new TempDirectory();
        var original = SIaM.Data.DataLocator.Resolve(null).Find("mgsm/mgsm_zh.tsv")!;
        Directory.CreateDirectory(temp.File("data/mgsm"));
        File.Copy(original, temp.File("data/mgsm/mgsm_zh.tsv"));
        var text = File.ReadAllText(temp.File("data/mgsm/mgsm_zh.tsv"));
        var at = text.IndexOf('3');
        File.WriteAllText(temp.File("data/mgsm/mgsm_zh.tsv"), text[..at] + "4" + text[(at + 1)..]);
        File.WriteAllLines(temp.File("r.jsonl"), ["""{"id": "mgsm_zh/0", "completion": "\\boxed{1}"}"""]);
        string[] Args(params string[] extra) => ["eval", "--model", $"replay:{temp.File("r.jsonl")}", "--benchmarks", "mgsm_zh",
            "--limit", "1", "--prompt", "cot", "--sandbox", "none", "--data", temp.File("data"), .. extra];

        // Act
        var refused = await Siam.RunAsync(temp.Path, Args("--out", temp.File("refused")));
        var allowed = await Siam.RunAsync(temp.Path, Args("--out", temp.File("allowed"), "--allow-unverified"));

        // Assert
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.Stderr, Does.Contain("mgsm_zh.tsv").And.Contain("b2fa63151022370a0de1f4211c8c284eae74b0f5a3b003b1d5982c0d4a73f661"));
        Assert.That(Directory.Exists(temp.File("refused")), Is.False);
        Assert.That(allowed.ExitCode, Is.EqualTo(0), allowed.Stderr);
    }
}
