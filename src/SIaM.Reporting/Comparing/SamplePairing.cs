using SIaM.Core.Runs;

namespace SIaM.Reporting.Comparing;

/// <summary>
/// The one place that decides which samples of two runs are the same question asked the same way: they share a key
/// (benchmark, problem id, sample index) and a fingerprint of everything that must agree: the problem, reference and
/// prompt hashes (<see cref="Core.Runs.ContentHashes"/>); samples of schema 1, which lack the first two, fall back to the reference text.
/// </summary>
public static class SamplePairing
{
    /// <summary>The key a sample is matched on across runs.</summary>
    public static (string Benchmark, string Id, int Sample) Key(SampleRecord record) => (record.Benchmark, record.Id, record.Sample);

    /// <summary>What must agree for two samples with the same key to be comparable.</summary>
    public static string Fingerprint(SampleRecord record) =>
        $"problem:{record.ProblemHash}\nreference:{record.ReferenceHash ?? record.Reference}\nprompt:{record.PromptHash}";

    /// <summary>
    /// True when the fingerprints agree. A compact snapshot keeps the first
    /// <see cref="CompactSamplesFile.HashChars"/> hex digits of each hash, so a shortened hash agrees with the full
    /// hash it starts.
    /// </summary>
    public static bool Agree(SampleRecord a, SampleRecord b) =>
        SameHash(a.ProblemHash, b.ProblemHash) && SameReference(a, b) && SameHash(a.PromptHash, b.PromptHash);

    // Schema 1 has no reference hash: then the reference texts must be equal, never a prefix.
    private static bool SameReference(SampleRecord a, SampleRecord b) =>
        a.ReferenceHash is not null && b.ReferenceHash is not null
            ? SameHash(a.ReferenceHash, b.ReferenceHash)
            : (a.ReferenceHash ?? a.Reference) == (b.ReferenceHash ?? b.Reference);

    private static bool SameHash(string? a, string? b)
    {
        if (a is null || b is null || a.Length == b.Length) return a == b;
        var shorter = Math.Min(a.Length, b.Length);
        return shorter >= CompactSamplesFile.HashChars && string.CompareOrdinal(a, 0, b, 0, shorter) == 0;
    }

    /// <summary>Pairs the samples of two runs; the rest are listed as not comparable, with the reason.</summary>
    public static PairedSamples Pair(IReadOnlyList<SampleRecord> baseSamples, IReadOnlyList<SampleRecord> candidateSamples)
    {
        var candidates = candidateSamples.ToDictionary(Key);
        var pairs = new List<SamplePair>();
        var rejected = new List<NotComparable>();
        foreach (var b in baseSamples.OrderBy(Key))
        {
            if (!candidates.Remove(Key(b), out var c)) { rejected.Add(new NotComparable(b.Benchmark, b.Id, b.Sample, "only in base")); continue; }
            if (!Agree(b, c)) { rejected.Add(new NotComparable(b.Benchmark, b.Id, b.Sample, Why(b, c))); continue; }
            pairs.Add(new SamplePair(b, c));
        }
        rejected.AddRange(candidates.Values.OrderBy(Key).Select(c => new NotComparable(c.Benchmark, c.Id, c.Sample, "only in candidate")));
        return new PairedSamples(pairs, rejected);
    }

    private static string Why(SampleRecord b, SampleRecord c) =>
        !SameHash(b.ProblemHash, c.ProblemHash) ? "problem hash differs"
        : !SameReference(b, c) ? "reference differs"
        : "prompt hash differs";
}
