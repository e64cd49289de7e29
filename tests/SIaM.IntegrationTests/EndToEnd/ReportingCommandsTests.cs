using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SIaM.Data;

namespace SIaM.IntegrationTests.EndToEnd;

public sealed class ReportingCommandsTests
{
    private static string Reference(int index) =>
        BenchmarkLoader.Load("gsm8k", DataLocator.Resolve(SharedFixtures.BenchmarksData), allowUnverified: false).Problems[index].Reference;

    [Test]
    public async Task Two_real_runs_give_a_snapshot_a_failing_gate_with_junit_and_diffs_and_a_report_with_plots()
    {
        // Arrange: the base answers 40 of 40 right; the candidate gets 0-9 wrong (10 flips down) and carries a label.
        using var temp = new TempDirectory();
        await Eval(temp, "base", wrong: _ => false, "--label", "step-1k", "--step", "1000");
        await Eval(temp, "cand", wrong: i => i < 10, "--label", "第二轮", "--step", "2000");

        // Act
        var save = await Siam.RunAsync(temp.Path, "snapshot", "save", temp.File("base"), "--name", "accepted");
        var compare = await Siam.RunAsync(temp.Path, "compare", "accepted", temp.File("cand"), "--out", temp.File("cmp"), "--max-drop", "1");
        var fromRun = await Siam.RunAsync(temp.Path, "compare", temp.File("base"), temp.File("cand"), "--out", temp.File("cmp-run"), "--max-drop", "1");
        var report = await Siam.RunAsync(temp.Path, "report", temp.File("cand"), "--baseline", "accepted", "--out", temp.File("rep"));

        // Assert
        Assert.That(save.ExitCode, Is.EqualTo(0), save.Stderr);
        Assert.That(File.Exists(temp.File("reports/snapshots/accepted/samples.compact.br")));
        Assert.That(save.Stdout, Does.Match(@"\(40 samples, \d+ bytes, [0-9.]+ bytes/sample\)"));
        Assert.That(compare.Stdout.Replace("accepted", "base"), Is.EqualTo(fromRun.Stdout.Replace(temp.File("cmp-run"), temp.File("cmp"))),
            "the compact snapshot compares exactly as the run it was saved from");
        Assert.That(File.ReadAllBytes(temp.File("cmp/diff.jsonl")), Is.EqualTo(File.ReadAllBytes(temp.File("cmp-run/diff.jsonl"))));
        Assert.That(File.ReadAllText(temp.File("cmp/report.html")), Does.Contain("<strong>REGRESSION</strong>"));
        Assert.That(compare.ExitCode, Is.EqualTo(1), compare.Stdout + compare.Stderr);
        Assert.That(compare.Stdout, Does.Contain("gsm8k: 100.00% -> 75.00%").And.Contain("flips 10 down / 0 up"));
        var junit = XDocument.Load(temp.File("cmp/junit.xml"));
        Assert.That(junit.Descendants("failure").Select(f => f.Parent!.Attribute("name")!.Value), Does.Contain("gsm8k"));
        Assert.That(File.ReadAllText(temp.File("cmp/diff.md")), Does.Contain("correct → wrong: 10"));
        Assert.That(File.ReadAllLines(temp.File("cmp/diff.jsonl")), Has.Length.EqualTo(10));
        Assert.That(report.ExitCode, Is.EqualTo(0), report.Stderr);
        Assert.That(File.ReadAllText(temp.File("rep/report.md")), Does.Contain("第二轮").And.Contain("plots/trend.png"));
        Assert.That(File.ReadAllText(temp.File("rep/report.md")), Does.Contain("| FAIL |"), "report fills the gate column as compare judges");
        Assert.That(new FileInfo(temp.File("rep/plots/accuracy.png")).Length, Is.GreaterThan(5000));
        Assert.That(new FileInfo(temp.File("rep/report.html")).Length, Is.GreaterThan(20000));
    }

    [Test]
    public async Task Same_run_on_both_sides_passes_the_gate()
    {
        using var temp = new TempDirectory();
        await Eval(temp, "base", wrong: i => i % 4 == 0);

        var compare = await Siam.RunAsync(temp.Path, "compare", temp.File("base"), temp.File("base"), "--out", temp.File("cmp"));

        Assert.That(compare.ExitCode, Is.EqualTo(0), compare.Stdout + compare.Stderr);
        Assert.That(File.ReadAllLines(temp.File("cmp/diff.jsonl")), Is.Empty);
    }

    [Test]
    public async Task Compare_with_a_missing_run_exits_2_and_writes_nothing()
    {
        using var temp = new TempDirectory();

        var compare = await Siam.RunAsync(temp.Path, "compare", temp.File("nope"), "accepted", "--out", temp.File("cmp"));

        Assert.That(compare.ExitCode, Is.EqualTo(2));
        Assert.That(compare.Stderr, Does.Contain("neither a run directory"));
        Assert.That(Directory.Exists(temp.File("cmp")), Is.False);
    }

    [Test]
    public async Task Every_siam_command_in_the_nightly_examples_exists_and_parses()
    {
        var examples = Path.Combine(RepositoryRoot(), "examples", "nightly");
        var commands = Directory.GetFiles(examples, "*.y*ml").SelectMany(f => File.ReadAllLines(f).Select(l => (File: Path.GetFileName(f), Line: l)))
            .Select(x => (x.File, Match: Regex.Match(x.Line, @"(?:^|\s)(?:\S*/)?(siam|run-eval\.sh)\s+(.*)$")))
            .Where(x => x.Match.Success)
            .Select(x => (x.File, Args: Words(x.Match.Groups[1].Value == "run-eval.sh" ? "eval " + x.Match.Groups[2].Value : x.Match.Groups[2].Value)))
            .ToList();
        Assert.That(commands.Select(c => c.Args[0]).Distinct(), Is.SupersetOf(new[] { "eval", "merge", "compare", "report" }));
        foreach (var file in new[] { "github-actions.yml", "k8s-indexed-job.yaml" })
        {
            Assert.That(
                commands.Where(c => c.File == file && c.Args[0] == "eval").Select(c => c.Args),
                Has.All.Contains("--shard"),
                $"{file}: every eval runs one shard");
            Assert.That(commands.Where(c => c.File == file).Select(c => c.Args[0]), Does.Contain("merge"), $"{file}: the shards are merged");
        }

        foreach (var (file, args) in commands)
        {
            var outcome = await Siam.RunAsync(Path.GetTempPath(), [.. args, "--help"]);
            Assert.That(outcome.ExitCode, Is.EqualTo(0), $"{file}: siam {string.Join(' ', args)}\n{outcome.Stderr}");
            Assert.That(outcome.Stderr, Does.Not.Contain("error"), $"{file}: siam {string.Join(' ', args)}");
        }
        Assert.DoesNotThrow(() => SIaM.Reporting.Gating.GateFile.Read(Path.Combine(examples, "gate.yaml"), new(1, 0.05)));
    }

    private static async Task Eval(TempDirectory temp, string name, Func<int, bool> wrong, params string[] extra)
    {
        var replay = temp.File($"{name}.jsonl");
        File.WriteAllLines(replay, Enumerable.Range(0, 40).Select(i => JsonSerializer.Serialize(new
        {
            benchmark = "gsm8k", index = i,
            completion = $"Working it out… The answer is $\\boxed{{{(wrong(i) ? "-1" : Reference(i))}}}$.",
        })));
        var outcome = await Siam.RunAsync(temp.Path, ["eval", "--model", $"replay:{replay}", "--benchmarks", "gsm8k", "--prompt", "cot",
            "--sandbox", "none", "--limit", "40", "--data", SharedFixtures.BenchmarksData, "--out", temp.File(name), .. extra]);
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
    }

    // Shell words of an example line, with CI placeholders (${{ … }}, $VAR, "$VAR") replaced by a plain value.
    private static string[] Words(string line)
    {
        var cleaned = Regex.Replace(line, @"\$\{\{[^}]*\}\}|\$\{?[A-Za-z_][A-Za-z_0-9]*\}?", "x");
        cleaned = Regex.Replace(cleaned, @"\s*\|\|.*$", "");
        return Regex.Matches(cleaned, "\"([^\"]*)\"|(\\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "SIaM.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("no SIaM.sln above the test assembly");
    }
}
