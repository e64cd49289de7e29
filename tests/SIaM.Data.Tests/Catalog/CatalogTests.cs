using System.Diagnostics;
using System.Security.Cryptography;
using SIaM.Data.Tests.Support;

namespace SIaM.Data.Tests.Catalog;

[TestFixture]
public sealed class CatalogTests
{
    private static IEnumerable<string> Ids() => BenchmarkRegistry.All.Keys;

    [Test]
    public void The_registry_lists_every_file_of_the_manifest_and_sources()
    {
        // Arrange
        var sources = File.ReadAllLines(Path.Combine(SharedData.Directory, "SOURCES.md"))
            .Where(l => l.StartsWith("| ") && !l.StartsWith("| file", StringComparison.Ordinal))
            .Select(l => l.Split('|')[1].Trim()).ToHashSet();

        // Act
        var files = BenchmarkRegistry.All.Values.Select(s => s.DataFile).ToHashSet();

        // Assert
        Assert.That(BenchmarkRegistry.All, Has.Count.EqualTo(35));
        Assert.That(BenchmarkManifest.All.Keys, Is.EquivalentTo(BenchmarkRegistry.All.Keys));
        Assert.That(files, Is.EquivalentTo(sources));
    }

    [TestCaseSource(nameof(Ids))]
    public void Every_file_loads_with_the_manifest_count_and_hash(string id)
    {
        // Arrange
        var spec = BenchmarkRegistry.Get(id);
        var bytes = File.ReadAllBytes(Path.Combine(SharedData.Directory, spec.DataFile));

        // Act
        var loaded = LoadedData.Get(id);

        // Assert
        Assert.That(loaded.Verified, Is.True);
        Assert.That(loaded.DataSha256, Is.EqualTo(spec.Manifest.Sha256));
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(bytes)), Is.EqualTo(spec.Manifest.Sha256));
        Assert.That(bytes.LongLength, Is.EqualTo(spec.Manifest.Bytes));
        Assert.That(loaded.Problems, Has.Count.EqualTo(spec.Manifest.Records));
        Assert.That(loaded.Problems.Select(p => p.Index), Is.EqualTo(Enumerable.Range(0, spec.Manifest.Records)));
        Assert.That(loaded.Problems.Select(p => p.Id).Distinct().Count(), Is.EqualTo(spec.Manifest.Records));
        Assert.That(loaded.Problems, Has.All.Matches<SIaM.Core.Benchmarks.Problem>(p => p != null &&
            p.Benchmark == id && p.Question.Length > 0 && p.Reference.Length > 0));
    }

    [Test]
    public void Loading_all_35_files_takes_well_under_a_few_seconds()
    {
        // Arrange: CPU time, not wall time, so that a loaded CI machine does not make the test flaky
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        // Act
        var total = Ids().Sum(id => BenchmarkLoader.Load(id, SharedData.Root, allowUnverified: false).Problems.Count);

        // Assert
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        TestContext.Out.WriteLine($"loaded {total} problems from 35 files in {clock.ElapsedMilliseconds} ms wall, {cpu.TotalMilliseconds:0} ms CPU");
        Assert.That(total, Is.EqualTo(BenchmarkManifest.All.Values.Sum(e => e.Records)));
        Assert.That(cpu, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void Loading_twice_gives_identical_problems()
    {
        // Arrange
        var first = BenchmarkLoader.Load("tabmwp", SharedData.Root, allowUnverified: false);

        // Act
        var second = BenchmarkLoader.Load("tabmwp", SharedData.Root, allowUnverified: false);

        // Assert
        Assert.That(second.Problems.Select(p => (p.Id, p.Question, p.Reference)),
            Is.EqualTo(first.Problems.Select(p => (p.Id, p.Question, p.Reference))));
    }

    [Test]
    public void Languages_in_the_registry_match_the_manifest()
    {
        // Arrange
        var specs = BenchmarkRegistry.All.Values;

        // Act
        var mismatched = specs.Where(s => s.Info.Language.ToString().ToLowerInvariant() != s.Manifest.Language).Select(s => s.Id);

        // Assert
        Assert.That(mismatched, Is.Empty);
    }

    [Test]
    public void An_unknown_id_is_refused_with_the_valid_ids_and_a_hint()
    {
        // Arrange
        const string misspelt = "gsm8";

        // Act
        var error = Assert.Throws<SIaM.Core.InputException>(() => BenchmarkRegistry.Get(misspelt))!;

        // Assert
        Assert.That(error.Message, Does.Contain("unknown benchmark 'gsm8'"));
        Assert.That(error.Message, Does.Contain("Did you mean 'gsm8k'?"));
        Assert.That(error.Message, Does.Contain("math23k").And.Contain("gaokao2024_II").And.Contain("mawps_singleop"));
    }
}
