using SIaM.Core;
using SIaM.Data.Tests.Support;

namespace SIaM.Data.Tests.Loading;

[TestFixture]
public sealed class DataLocatorTests
{
    [Test]
    public void An_explicit_directory_wins_over_the_environment_and_the_search()
    {
        // Arrange
        using var explicitDir = new TempDirectory();
        using var envDir = new TempDirectory();

        // Act
        var root = DataLocator.Resolve(explicitDir.Path, envDir.Path, SharedData.Directory, SharedData.Directory);

        // Assert
        Assert.That(root.Directories, Is.EqualTo(new[] { explicitDir.Path }));
        Assert.That(root.Source, Is.EqualTo("--data"));
    }

    [Test]
    public void The_environment_variable_wins_over_the_search()
    {
        // Arrange
        using var envDir = new TempDirectory();

        // Act
        var root = DataLocator.Resolve(null, envDir.Path, SharedData.Directory, SharedData.Directory);

        // Assert
        Assert.That(root.Directories, Is.EqualTo(new[] { envDir.Path }));
        Assert.That(root.Source, Is.EqualTo("SIAM_DATA"));
    }

    [Test]
    public void The_search_takes_local_benchmarks_data_per_file_before_shared_found_walking_up()
    {
        // Arrange: <temp>/shared/benchmarks-data and <temp>/repo/benchmarks-data with one local file
        using var temp = new TempDirectory();
        var shared = Path.Combine(temp.Path, "shared", "benchmarks-data");
        temp.Write("shared/benchmarks-data/amc23/test.jsonl", File.ReadAllBytes(Path.Combine(SharedData.Directory, "amc23/test.jsonl")));
        temp.Write("shared/benchmarks-data/aime24/test.jsonl", File.ReadAllBytes(Path.Combine(SharedData.Directory, "aime24/test.jsonl")));
        temp.Write("repo/benchmarks-data/aime24/test.jsonl", File.ReadAllBytes(Path.Combine(SharedData.Directory, "aime24/test.jsonl")));
        var repo = Path.Combine(temp.Path, "repo");
        var deep = Directory.CreateDirectory(Path.Combine(repo, "src", "bin")).FullName;

        // Act
        var root = DataLocator.Resolve(null, null, repo, deep);

        // Assert
        Assert.That(root.Directories, Is.EqualTo(new[] { Path.Combine(repo, "benchmarks-data"), shared }));
        Assert.That(root.Find("aime24/test.jsonl"), Is.EqualTo(Path.Combine(repo, "benchmarks-data", "aime24", "test.jsonl")));
        Assert.That(root.Find("amc23/test.jsonl"), Is.EqualTo(Path.Combine(shared, "amc23", "test.jsonl")));
    }

    [Test]
    public void Shared_data_is_also_found_from_the_application_directory()
    {
        // Arrange
        using var elsewhere = new TempDirectory();

        // Act
        var root = DataLocator.Resolve(null, null, elsewhere.Path, AppContext.BaseDirectory);

        // Assert
        Assert.That(root.Directories, Is.EqualTo(new[] { Path.GetFullPath(SharedData.Directory) }));
    }

    [Test]
    public void Nothing_found_says_where_it_looked()
    {
        // Arrange
        using var nowhere = new TempDirectory();

        // Act
        var error = Assert.Throws<InputException>(() => DataLocator.Resolve(null, null, nowhere.Path, nowhere.Path))!;

        // Assert
        Assert.That(error.Message, Does.Contain(Path.Combine(nowhere.Path, "benchmarks-data")));
        Assert.That(error.Message, Does.Contain(Path.Combine(nowhere.Path, "shared", "benchmarks-data")));
        Assert.That(error.Message, Does.Contain("SIAM_DATA"));
    }

    [Test]
    public void A_missing_explicit_directory_is_an_input_error()
    {
        // Arrange
        var missing = Path.Combine(Path.GetTempPath(), "siam-no-such-dir-" + Guid.NewGuid());

        // Act
        var error = Assert.Throws<InputException>(() => DataLocator.Resolve(missing, null, ".", "."))!;

        // Assert
        Assert.That(error.Message, Is.EqualTo($"data directory '{missing}' (from --data) does not exist"));
    }
}
