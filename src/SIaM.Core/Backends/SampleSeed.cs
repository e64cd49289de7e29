using System.Text;

namespace SIaM.Core.Backends;

/// <summary>
/// The one seed-mixing function every backend uses: (run seed, problem id, sample index) → the seed of that sample's
/// random stream. It is SplitMix64 applied in a chain, h₀ = mix(run seed), h₁ = mix(h₀ ⊕ FNV-1a-64(UTF-8 problem id)),
/// seed = mix(h₁ ⊕ sample index), so every problem and every run seed get their own stream, run seed 1 sample 0 is
/// not run seed 0 sample 1, and a sample's seed depends on nothing else (not on the batch it is generated in).
/// </summary>
public static class SampleSeed
{
    /// <summary>The 64-bit seed of sample <paramref name="sampleIndex"/> of <paramref name="problemId"/>.</summary>
    public static ulong Mix(int runSeed, string problemId, int sampleIndex)
    {
        var h = SplitMix((ulong)(uint)runSeed);
        h = SplitMix(h ^ Fnv1a(problemId));
        return SplitMix(h ^ (ulong)(uint)sampleIndex);
    }

    /// <summary>The same seed folded to a non-negative 31-bit integer, for APIs whose seed is an int (OpenAI's <c>seed</c>).</summary>
    public static int MixToInt(int runSeed, string problemId, int sampleIndex)
    {
        var seed = Mix(runSeed, problemId, sampleIndex);
        return (int)((seed ^ (seed >> 32)) & 0x7FFF_FFFF);
    }

    /// <summary>The seed of <paramref name="request"/>.</summary>
    public static ulong Of(GenerationRequest request) => Mix(request.Config.Seed, request.ProblemId, request.SampleIndex);

    private static ulong SplitMix(ulong x)
    {
        var z = x + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 0x100000001B3UL;
        return hash;
    }
}
