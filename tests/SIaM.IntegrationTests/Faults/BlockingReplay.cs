using System.Globalization;
using System.Text.Json;
using SIaM.Data;

namespace SIaM.IntegrationTests.Faults;

/// <summary>
/// A replay of GSM8K program-of-thought completions (each prints its reference answer) in which the last problem's
/// program blocks until the test releases it. A run over it cannot finish before the test says so, however fast the
/// machine forks, so a fault injected while it is blocked always lands mid-run (see <see cref="ProgramGate"/>).
/// </summary>
public sealed class BlockingReplay
{
    /// <summary>Created by the blocked program in its scratch when it starts waiting.</summary>
    public const string BlockedMarker = "/tmp/siam-blocked";

    /// <summary>The blocked program prints its answer and exits once this file exists (the test creates it).</summary>
    public const string ReleaseFile = "/tmp/siam-release";

    private BlockingReplay(string path, int problems)
    {
        Path = path;
        Problems = problems;
    }

    /// <summary>The replay file.</summary>
    public string Path { get; }

    /// <summary>Problems in the replay (GSM8K records 0 … Problems − 1); the last one blocks.</summary>
    public int Problems { get; }

    /// <summary>The record index whose program blocks.</summary>
    public int BlockedIndex => Problems - 1;

    public string ModelSpec => $"replay:{Path}";

    /// <summary>Writes the replay of <paramref name="problems"/> GSM8K problems to <paramref name="path"/>.</summary>
    public static BlockingReplay Write(string path, int problems)
    {
        var references = BenchmarkLoader.Load("gsm8k", DataLocator.Resolve(SharedFixtures.BenchmarksData), allowUnverified: false).Problems;
        File.WriteAllLines(path, Enumerable.Range(0, problems).Select(index => JsonSerializer.Serialize(new
        {
            benchmark = "gsm8k",
            index,
            completion = $"```python\n{Program(references[index].Reference, blocks: index == problems - 1)}```",
        })));
        return new BlockingReplay(path, problems);
    }

    private static string Program(string reference, bool blocks)
    {
        var answer = JsonSerializer.Serialize(reference.Replace(",", "", StringComparison.Ordinal));
        var result = $"answer = {answer}\nprint(answer)\n";
        if (!blocks) return result;
        // Sleeps use no CPU time, so only the release (or the generous wall-clock limit) ends the wait.
        return string.Create(CultureInfo.InvariantCulture,
            $"import os, time\nopen({JsonSerializer.Serialize(BlockedMarker)}, 'w').close()\n" +
            $"while not os.path.exists({JsonSerializer.Serialize(ReleaseFile)}):\n    time.sleep(0.01)\n{result}");
    }
}
