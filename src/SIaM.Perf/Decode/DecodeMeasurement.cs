namespace SIaM.Perf.Decode;

/// <summary>One decode-speed measurement: the batch decodes <see cref="NewTokens"/> tokens after a prompt of <see cref="Context"/>.</summary>
/// <param name="Model">The model's label.</param>
/// <param name="Batch">Sequences decoded together.</param>
/// <param name="Context">Prompt length in tokens.</param>
/// <param name="KvCache">Whether the KV cache was used.</param>
/// <param name="NewTokens">Decode steps timed (after the first token, which the prefill produces).</param>
/// <param name="PrefillMs">Wall time of the prompt pass and the first token.</param>
/// <param name="DecodeMs">Wall time of the decode steps.</param>
/// <param name="DecodeCpuMs">Process CPU time of the decode steps (robust on a shared machine with one libtorch thread).</param>
public sealed record DecodeMeasurement(
    string Model, int Batch, int Context, bool KvCache, int NewTokens, double PrefillMs, double DecodeMs, double DecodeCpuMs)
{
    /// <summary>Generated tokens per wall-clock second over the decode steps (all sequences together).</summary>
    public double TokensPerSecond => Batch * NewTokens / (DecodeMs / 1000);

    /// <summary>Generated tokens per CPU second over the decode steps.</summary>
    public double TokensPerCpuSecond => Batch * NewTokens / (DecodeCpuMs / 1000);

    /// <summary>Wall milliseconds per decode step (one token for every sequence).</summary>
    public double MsPerStep => DecodeMs / NewTokens;

    /// <summary>CPU milliseconds per decode step.</summary>
    public double CpuMsPerStep => DecodeCpuMs / NewTokens;
}
