using System.Text;
using SIaM.Core;
using SIaM.Data.Tests.Support;

namespace SIaM.Data.Tests.Loading;

[TestFixture]
public sealed class LoaderTests
{
    [Test]
    public void A_tampered_copy_is_refused_naming_the_file_and_both_hashes()
    {
        // Arrange
        using var temp = new TempDirectory();
        var original = File.ReadAllText(Path.Combine(SharedData.Directory, "gsm8k/test.jsonl"));
        var path = temp.Write("gsm8k/test.jsonl", Encoding.UTF8.GetBytes(original.Replace("#### 18", "#### 19")));
        var root = new DataRoot([temp.Path], "test");

        // Act
        var error = Assert.Throws<InputException>(() => BenchmarkLoader.Load("gsm8k", root, allowUnverified: false))!;

        // Assert
        Assert.That(error.Message, Does.Contain(path));
        Assert.That(error.Message, Does.Contain(BenchmarkRegistry.Get("gsm8k").Manifest.Sha256));
        Assert.That(error.Message, Does.Match("sha256 [0-9a-f]{64} differs"));
        Assert.That(error.Message, Does.Contain("--allow-unverified"));
    }

    [Test]
    public void A_tampered_copy_loads_unverified_when_allowed()
    {
        // Arrange
        using var temp = new TempDirectory();
        var original = File.ReadAllText(Path.Combine(SharedData.Directory, "gsm8k/test.jsonl"));
        temp.Write("gsm8k/test.jsonl", Encoding.UTF8.GetBytes(original.Replace("#### 18", "#### 19")));

        // Act
        var loaded = BenchmarkLoader.Load("gsm8k", new DataRoot([temp.Path], "test"), allowUnverified: true);

        // Assert
        Assert.That(loaded.Verified, Is.False);
        Assert.That(loaded.Problems[0].Reference, Is.EqualTo("19"));
    }

    [Test]
    public void A_malformed_jsonl_line_is_reported_with_file_and_line()
    {
        // Arrange
        using var temp = new TempDirectory();
        var lines = File.ReadAllLines(Path.Combine(SharedData.Directory, "svamp/test.jsonl"));
        lines[2] = lines[2][..40];
        var path = temp.Write("svamp/test.jsonl", Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

        // Act
        var error = Assert.Throws<InputException>(() =>
            BenchmarkLoader.Load("svamp", new DataRoot([temp.Path], "test"), allowUnverified: true))!;

        // Assert
        Assert.That(error.Message, Does.StartWith($"{path}:3: malformed JSON line"));
    }

    [Test]
    public void A_record_missing_a_field_is_reported_with_file_line_and_field()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.Write("cmath/cmath_dev.jsonl", Encoding.UTF8.GetBytes("{\"input\": \"1+1?\", \"golden\": \"2\"}\n{\"input\": \"2+2?\"}\n"));

        // Act
        var error = Assert.Throws<InputException>(() =>
            BenchmarkLoader.Load("cmath", new DataRoot([temp.Path], "test"), allowUnverified: true))!;

        // Assert
        Assert.That(error.Message, Is.EqualTo($"{path}:2: missing field 'golden'"));
    }

    [Test]
    public void An_empty_file_is_refused()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.Write("cmath/cmath_dev.jsonl", []);

        // Act
        var error = Assert.Throws<InputException>(() =>
            BenchmarkLoader.Load("cmath", new DataRoot([temp.Path], "test"), allowUnverified: true))!;

        // Assert
        Assert.That(error.Message, Is.EqualTo($"{path}: benchmark 'cmath' has no records"));
    }

    [Test]
    public void A_missing_file_says_where_it_looked()
    {
        // Arrange
        using var temp = new TempDirectory();

        // Act
        var error = Assert.Throws<InputException>(() =>
            BenchmarkLoader.Load("aime24", new DataRoot([temp.Path], "--data"), allowUnverified: false))!;

        // Assert
        Assert.That(error.Message, Does.Contain("aime24/test.jsonl").And.Contain(temp.Path).And.Contain("siam data fetch"));
    }

    [Test]
    public void Verification_reports_missing_and_tampered_files()
    {
        // Arrange
        using var temp = new TempDirectory();
        temp.Write("aime24/test.jsonl", Encoding.UTF8.GetBytes(
            File.ReadAllText(Path.Combine(SharedData.Directory, "aime24/test.jsonl")).Replace("\"025\"", "\"026\"")));
        var root = new DataRoot([temp.Path], "test");

        // Act
        var missing = DataVerifier.Check(BenchmarkRegistry.Get("amc23"), root);
        var tampered = DataVerifier.Check(BenchmarkRegistry.Get("aime24"), root);
        var good = DataVerifier.Check(BenchmarkRegistry.Get("amc23"), SharedData.Root);

        // Assert
        Assert.That((missing.Verified, missing.Problem), Is.EqualTo((false, "missing")));
        Assert.That(tampered.Verified, Is.False);
        Assert.That(tampered.Records, Is.EqualTo(30));
        Assert.That(tampered.Problem, Does.Contain("differs from the manifest's"));
        Assert.That((good.Verified, good.Records, good.Problem), Is.EqualTo((true, 40, (string?)null)));
    }
}
