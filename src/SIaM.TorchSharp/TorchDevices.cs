using System.Globalization;
using SIaM.Core;
using static TorchSharp.torch;

namespace SIaM.TorchSharp;

/// <summary>Parses device and dtype names with clear errors.</summary>
public static class TorchDevices
{
    /// <summary><c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>; CUDA fails clearly when this build has no CUDA libtorch or no such GPU.</summary>
    public static Device ParseDevice(string name)
    {
        if (name == "cpu") return CPU;
        if (!IsValidName(name)) throw new InputException($"unknown device '{name}' (cpu, cuda, cuda:N)");
        if (!cuda.is_available())
            throw new InputException(
                $"device '{name}': CUDA is not available " +
                "(build with -p:SiamTorchCuda=true on a machine with a CUDA libtorch package and a GPU)");
        if (name.Length > 5 && int.Parse(name[5..], CultureInfo.InvariantCulture) >= cuda.device_count())
            throw new InputException($"device '{name}': this machine has {cuda.device_count()} CUDA device(s), numbered from 0");
        return device(name);
    }

    /// <summary>Whether <paramref name="name"/> is written as a device: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c> (syntax only; loads nothing).</summary>
    public static bool IsValidName(string name) =>
        name is "cpu" or "cuda" || (name.StartsWith("cuda:", StringComparison.Ordinal) && name.Length is > 5 and < 9 && name[5..].All(char.IsAsciiDigit));

    /// <summary><c>float32</c>, <c>float16</c>, <c>bfloat16</c> (and the short forms f32, fp16, bf16).</summary>
    public static ScalarType ParseDType(string name) => name switch
    {
        "float32" or "f32" or "fp32" => ScalarType.Float32,
        "float16" or "f16" or "fp16" or "half" => ScalarType.Float16,
        "bfloat16" or "bf16" => ScalarType.BFloat16,
        _ => throw new InputException($"unknown dtype '{name}' (float32, float16, bfloat16)"),
    };
}
