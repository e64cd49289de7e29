using System.Security.Cryptography;
using System.Text;
using SIaM.Grading;

namespace SIaM.Tests.Runs;

public sealed class GraderVersionTests
{
    [Test]
    public void Is_the_behaviour_version_plus_the_hash_of_the_case_tables_in_the_repository()
    {
        // Arrange: the case tables as they are on disk
        var cases = FindCasesDirectory();
        var text = string.Join("\0", Directory.GetFiles(cases, "*.jsonl")
            .Select(f => "cases/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)
            .Select(name => name + "\0" + File.ReadAllText(Path.Combine(cases, name["cases/".Length..])).ReplaceLineEndings("\n")));
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        // Act
        var version = GraderVersion.Current;

        // Assert
        Assert.That(GraderVersion.CaseTablesHash(), Is.EqualTo(expected));
        Assert.That(version, Is.EqualTo($"grader@{GraderVersion.Behaviour}+{expected[..8]}"));
    }

    private static string FindCasesDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "SIaM.Grading", "Cases");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("src/SIaM.Grading/Cases not found above the test assembly");
    }
}
