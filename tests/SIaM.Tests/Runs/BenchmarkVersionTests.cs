using SIaM.Core.Benchmarks;
using SIaM.Core.Runs;

namespace SIaM.Tests.Runs;

public sealed class BenchmarkVersionTests
{
    private static LoadedBenchmark Toy(string sha = "ab12", int mapping = 1, string reference = "4") => new(
        new BenchmarkInfo("toy", mapping, Language.En, AnswerKind.Number),
        [new Problem("toy", 0, "2 + 2?", reference, AnswerKind.Number), new Problem("toy", 1, "3 + 3?", "6", AnswerKind.Number)],
        sha, true);

    [Test]
    public void Is_the_mapping_version_plus_a_short_content_hash_and_stable()
    {
        var version = BenchmarkVersion.Of(Toy());

        Assert.That(version, Does.Match(@"^toy@1\+[0-9a-f]{8}$"));
        Assert.That(BenchmarkVersion.Of(Toy()), Is.EqualTo(version));
    }

    [Test]
    public void Changes_when_the_data_file_changes() =>
        Assert.That(BenchmarkVersion.Of(Toy(sha: "cd34")), Is.Not.EqualTo(BenchmarkVersion.Of(Toy())));

    [Test]
    public void Changes_when_the_mapping_produces_something_else_even_without_a_bump() =>
        Assert.That(BenchmarkVersion.Of(Toy(reference: "4.0")), Is.Not.EqualTo(BenchmarkVersion.Of(Toy())));

    [Test]
    public void Changes_when_the_mapping_version_is_bumped() =>
        Assert.That(BenchmarkVersion.Of(Toy(mapping: 2)), Does.StartWith("toy@2+"));
}
