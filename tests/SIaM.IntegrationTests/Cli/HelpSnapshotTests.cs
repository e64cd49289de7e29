using System.Text.RegularExpressions;
using SIaM.Sandbox.Docker;
using Snapshooter.NUnit;

namespace SIaM.IntegrationTests.Cli;

/// <summary>
/// <c>siam [VERB] --help</c> of every verb against a committed snapshot, so a changed option, default or description
/// shows up in review. A verb added to Program.cs without a row here fails <see cref="Every_verb_listed_by_help_has_a_snapshot_test"/>.
/// </summary>
public sealed partial class HelpSnapshotTests
{
    /// <summary>Every command path, words joined by '_' (they name the snapshot files); "siam" is the root.</summary>
    private static readonly string[] Verbs =
    [
        "siam", "version", "eval", "merge", "catalog", "data", "data_verify", "data_fetch",
        "bench", "bench_sandbox", "bench_generate", "bench_train", "bench_critic", "bench_gate", "bench_report", "bench_eval",
        "sandbox", "sandbox_doctor", "sandbox_build-image", "sandbox_soak", "exec", "serve", "generate", "grade",
        "snapshot", "snapshot_save", "compare", "report", "critique", "critic", "critic_calibrate", "critic_data", "critic_train", "critic_demo",
        "improve", "improve_spread", "contamination",
    ];

    [GeneratedRegex(@"^  ([a-z][a-z0-9-]*)(?=\s)", RegexOptions.Multiline)]
    private static partial Regex CommandRow();

    [GeneratedRegex(@"^(  --workers\b.*)\[default: \d+\]$", RegexOptions.Multiline)]
    private static partial Regex WorkersDefault();

    [TestCaseSource(nameof(Verbs))]
    public async Task Help_of_each_verb_matches_its_snapshot(string verb)
    {
        // Arrange
        using var temp = new TempDirectory();

        // Act
        var outcome = await Help(temp.Path, verb);

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stderr);
        Assert.That(outcome.Stdout, Does.StartWith("Description:"));
        Snapshot.Match(MachineIndependent(outcome.Stdout));
    }

    [Test]
    public async Task Every_verb_listed_by_help_has_a_snapshot_test()
    {
        // Arrange
        using var temp = new TempDirectory();
        var found = new List<string>();
        var pending = new Queue<string>(["siam"]);

        // Act: walk the command tree through the "Commands:" sections of the help pages
        while (pending.TryDequeue(out var verb))
        {
            found.Add(verb);
            var help = (await Help(temp.Path, verb)).Stdout.ReplaceLineEndings("\n");
            var at = help.IndexOf("\nCommands:\n", StringComparison.Ordinal);
            if (at < 0) continue;
            foreach (Match row in CommandRow().Matches(help[(at + "\nCommands:\n".Length)..]))
                pending.Enqueue(verb == "siam" ? row.Groups[1].Value : $"{verb}_{row.Groups[1].Value}");
        }

        // Assert
        Assert.That(found, Is.EquivalentTo(Verbs), "add the new verb to HelpSnapshotTests.Verbs and commit its snapshot");
    }

    private static Task<ProcessOutcome> Help(string workingDirectory, string verb) =>
        Siam.RunAsync(TimeSpan.FromMinutes(2), workingDirectory, [.. verb.Split('_').Where(w => w != "siam"), "--help"]);

    /// <summary>The help text with what differs between machines and builds replaced: the core count (the default of
    /// --workers) and the content-hashed sandbox image tag.</summary>
    private static string MachineIndependent(string help) =>
        WorkersDefault().Replace(help.ReplaceLineEndings("\n"), "$1[default: <cores>]")
            .Replace(SandboxImage.Tag, $"{SandboxImage.Repository}:<content-hash>", StringComparison.Ordinal);
}
