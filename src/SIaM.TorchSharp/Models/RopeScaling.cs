namespace SIaM.TorchSharp.Models;

/// <summary>The supported <c>rope_scaling</c> settings: none/default, <c>linear</c>, and Llama-3's <c>llama3</c>.</summary>
public sealed record RopeScaling(
    string Type,
    double Factor = 1,
    double LowFreqFactor = 1,
    double HighFreqFactor = 4,
    int OriginalMaxPositionEmbeddings = 8192)
{
    /// <summary>Adjusts the inverse frequencies <c>1/theta^(2i/d)</c> as the scaling type says.</summary>
    public double[] Apply(double[] inverseFrequencies)
    {
        switch (Type)
        {
            case "default":
                return inverseFrequencies;
            case "linear":
                return inverseFrequencies.Select(f => f / Factor).ToArray();
            case "llama3":
                var lowFreqWavelength = OriginalMaxPositionEmbeddings / LowFreqFactor;
                var highFreqWavelength = OriginalMaxPositionEmbeddings / HighFreqFactor;
                return inverseFrequencies.Select(frequency =>
                {
                    var wavelength = 2 * Math.PI / frequency;
                    if (wavelength < highFreqWavelength) return frequency;
                    if (wavelength > lowFreqWavelength) return frequency / Factor;
                    var smooth = (OriginalMaxPositionEmbeddings / wavelength - LowFreqFactor) / (HighFreqFactor - LowFreqFactor);
                    return (1 - smooth) * frequency / Factor + smooth * frequency;
                }).ToArray();
            default:
                throw new InvalidOperationException($"rope_scaling type '{Type}' is not supported");
        }
    }
}
