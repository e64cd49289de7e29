using SIaM.Core.Runs;

namespace SIaM.Reporting.Comparing;

/// <summary>
/// The one place that decides which samples of two runs are the same question asked the same way: they share a key
/// (benchmark, problem id, sample index) and a fingerprint of everything that must agree (prompt and reference).
/// </summary>
public static class SamplePairing
{
    /// <summary>The key a sample is matched on across runs.</summary>
    public static (string Benchmark, string Id, int Sample) Key(SampleRecord record) => (record.Benchmark, record.Id, record.Sample);

    /// <summary>What must be equal for two samples with the same key to be comparable.</summary>
    public static string Fingerprint(SampleRecord record) => $"prompt:{record.PromptHash}\nreference:{record.Reference}";

    /// <summary>Pairs the samples of two runs; the rest are listed as not comparable, with the reason.</summary>
    public static PairedSamples Pair(IReadOnlyList<SampleRecord> baseSamples, IReadOnlyList<SampleRecord> candidateSamples)
    {
        var candidates = candidateSamples.ToDictionary(Key);
        var pairs = new List<SamplePair>();
        var rejected = new List<NotComparable>();
        foreach (var b in baseSamples.OrderBy(Key))
        {
            if (!candidates.Remove(Key(b), out var c)) { rejected.Add(new NotComparable(b.Benchmark, b.Id, b.Sample, "only in base")); continue; }
            if (Fingerprint(b) != Fingerprint(c)) { rejected.Add(new NotComparable(b.Benchmark, b.Id, b.Sample, Why(b, c))); continue; }
            pairs.Add(new SamplePair(b, c));
        }
        rejected.AddRange(candidates.Values.OrderBy(Key).Select(c => new NotComparable(c.Benchmark, c.Id, c.Sample, "only in candidate")));
        return new PairedSamples(pairs, rejected);
    }

    private static string Why(SampleRecord b, SampleRecord c) =>
        b.PromptHash != c.PromptHash ? "prompt hash differs" : "reference differs";
}
