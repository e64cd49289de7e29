namespace SIaM.TorchSharp.Generation;

/// <summary>Derives one generator seed per (base seed, sample index), independent of batch composition.</summary>
public static class SeedMixer
{
    /// <summary>SplitMix64 of the two values packed into 64 bits.</summary>
    public static ulong Mix(int seed, int sampleIndex)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)sampleIndex) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
