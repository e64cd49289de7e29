using SIaM.IntegrationTests.Faults;

namespace SIaM.IntegrationTests.BadInput;

/// <summary>
/// Every row of <c>BadInput/cases.jsonl</c>: the exit code, an <c>error:</c> line with a phrase naming the cause, never a
/// stack trace, and nothing written: every file and directory under the row's directory is byte-identical afterwards.
/// </summary>
[TestFixture, Category("BadInput")]
public sealed class BadInputTableTests
{
    private static readonly string[] Verbs =
        ["eval", "merge", "grade", "exec", "data verify", "data fetch", "catalog", "serve", "generate", "bench generate", "bench sandbox", "sandbox soak"];

    private static IEnumerable<TestCaseData> Rows() =>
        BadInputCase.ReadAll().Select(row => new TestCaseData(row).SetArgDisplayNames(row.Name));

    [TestCaseSource(nameof(Rows))]
    public async Task Each_row_exits_with_its_code_and_names_the_cause_without_a_stack_trace(BadInputCase row)
    {
        // Arrange
        using var temp = new TempDirectory();
        using var mount = Arrange(row, temp.Path);
        var before = DirectoryState.Capture(temp.Path);

        // Act
        var outcome = await SiamProcess.RunAsync(temp.Path, TimeSpan.FromMinutes(2), null, row.Args.Select(a => row.Expand(a, temp.Path)).ToArray());

        // Assert
        var output = outcome.Stdout + outcome.Stderr;
        Assert.That(outcome.ExitCode, Is.EqualTo(row.Exit), output);
        var errorLines = outcome.Stderr.Split('\n').Where(line => line.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.That(errorLines, Has.Some.Contain(row.Expand(row.Message, temp.Path)), $"no 'error: ' line names the cause:\n{output}");
        RunFiles.AssertNoStackTrace(outcome);
        foreach (var path in row.Absent ?? [])
            Assert.That(Path.Exists(Path.Combine(temp.Path, path)), Is.False, $"{path} was written by a refused command");
        Assert.That(DirectoryState.Capture(temp.Path).ChangesSince(before), Is.Empty, "a refused command changed files");
    }

    [Test]
    public void Every_row_names_the_cause_with_a_phrase_that_is_not_just_an_echo_of_its_input()
    {
        // Arrange
        var rows = BadInputCase.ReadAll();

        // Act
        var echoes = rows.Where(row => !NamesACause(row)).Select(row => $"{row.Name}: '{row.Message}'").ToList();

        // Assert
        Assert.That(echoes, Is.Empty,
            "message fragments must say what is wrong (at least 13 characters besides placeholders, not a copy of an argument or a file)");
    }

    private static bool NamesACause(BadInputCase row)
    {
        var phrase = row.Message.Replace("{tmp}", "", StringComparison.Ordinal).Replace("{data}", "", StringComparison.Ordinal)
            .Replace("{tiny}", "", StringComparison.Ordinal);
        var inputs = row.Args.Concat((row.Files ?? new Dictionary<string, string?>()).SelectMany(f => new[] { f.Key, f.Value ?? "" }));
        return phrase.Trim().Length >= 13 && !inputs.Any(input => input.Contains(row.Message, StringComparison.Ordinal));
    }

    [Test]
    public void The_table_has_at_least_sixty_rows_and_covers_every_verb()
    {
        // Arrange
        var rows = BadInputCase.ReadAll();

        // Act
        var verbs = rows.Select(r => r.Verb).ToHashSet();

        // Assert
        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(60));
        Assert.That(Verbs, Is.SubsetOf(verbs));
        Assert.That(rows.Select(r => r.Name), Is.Unique);
    }

    [Test]
    public void Every_option_of_every_verb_has_a_row_that_gives_it()
    {
        // Arrange
        var rows = BadInputCase.ReadAll();
        var options = HelpOptions.All();

        // Act
        var uncovered = options
            .Where(option => !rows.Any(row => row.Verb == option.Verb && row.Args.Any(option.Names.Contains)))
            .Select(option => option.ToString())
            .ToList();

        // Assert
        Assert.That(options, Has.Count.GreaterThan(100), "the --help snapshots were not found or not parsed");
        Assert.That(uncovered, Is.Empty, "options without a row in BadInput/cases.jsonl");
    }

    private static TmpfsMount? Arrange(BadInputCase row, string temp)
    {
        foreach (var (target, source) in row.Copies ?? new Dictionary<string, string>())
            CopyDirectory(row.Expand(source, temp), Path.Combine(temp, target));
        foreach (var (relative, content) in row.Files ?? new Dictionary<string, string?>())
        {
            var path = Path.Combine(temp, relative);
            if (content is null)
            {
                File.Delete(path);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, row.Expand(content, temp));
        }
        foreach (var (relative, length) in row.Truncate ?? new Dictionary<string, long>())
        {
            using var stream = new FileStream(Path.Combine(temp, relative), FileMode.Open, FileAccess.Write);
            stream.SetLength(length);
        }
        var mountPoint = Path.Combine(temp, "mnt");
        switch (row.Setup)
        {
            case null:
                return null;
            case "readonly-mount":
                return TmpfsMount.Create(mountPoint, "ro,size=1m");
            case "full-mount":
                var mount = TmpfsMount.Create(mountPoint, "size=64k");
                mount.Fill();
                return mount;
            default:
                throw new InvalidDataException($"unknown setup '{row.Setup}' in row '{row.Name}'");
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
