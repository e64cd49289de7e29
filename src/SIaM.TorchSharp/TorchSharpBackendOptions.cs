using SIaM.Core;

namespace SIaM.TorchSharp;

/// <summary>
/// Device and batching settings of <see cref="TorchSharpBackend"/>, written after the directory in a model spec:
/// <c>hf:DIR#device=cuda,dtype=bfloat16,batch=16,threads=1</c>.
/// </summary>
/// <param name="Device"><c>cpu</c> (default) or <c>cuda</c>/<c>cuda:N</c> (needs a CUDA build, see the README).</param>
/// <param name="DType"><c>float32</c> (default), <c>float16</c> or <c>bfloat16</c>: the compute dtype; weights are converted on load.</param>
/// <param name="MaxBatchSize">Sequences decoded together.</param>
/// <param name="CpuThreads">libtorch intra-op threads on CPU.</param>
public sealed record TorchSharpBackendOptions(string Device = "cpu", string DType = "float32", int MaxBatchSize = 16, int CpuThreads = 1)
{
    /// <summary>Splits <c>DIR#key=value,…</c> into the directory and the options; unknown keys fail by name.</summary>
    public static HfModelSpec ParseSpecArgument(string argument)
    {
        var hash = argument.LastIndexOf('#');
        if (hash < 0) return new HfModelSpec(argument, new TorchSharpBackendOptions());
        var options = new TorchSharpBackendOptions();
        foreach (var pair in argument[(hash + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var value = parts.Length == 2 ? parts[1] : throw new InputException($"hf: option '{pair}' must be key=value");
            options = parts[0] switch
            {
                "device" => options with { Device = value },
                "dtype" => options with { DType = value },
                "batch" => options with { MaxBatchSize = PositiveInt(value, "batch") },
                "threads" => options with { CpuThreads = PositiveInt(value, "threads") },
                _ => throw new InputException($"hf: unknown option '{parts[0]}' (known: device, dtype, batch, threads)"),
            };
        }
        return new HfModelSpec(argument[..hash], options);
    }

    /// <summary><paramref name="argument"/> (<c>DIR</c> or <c>DIR#…</c>) with <c>device=</c><paramref name="device"/> added last, so it wins.</summary>
    public static string WithDevice(string argument, string device) =>
        argument.Contains('#', StringComparison.Ordinal) ? $"{argument},device={device}" : $"{argument}#device={device}";

    /// <summary>
    /// <paramref name="argument"/> on the device a training verb was asked for: unchanged for <c>cpu</c> (the default, so a
    /// <c>device=</c> already in the argument stays), else <see cref="WithDevice"/>.
    /// </summary>
    public static string OnDevice(string argument, string device) => device == "cpu" ? argument : WithDevice(argument, device);

    private static int PositiveInt(string value, string key) =>
        int.TryParse(value, out var n) && n > 0 ? n : throw new InputException($"hf: option {key} must be a positive integer, got '{value}'");
}
