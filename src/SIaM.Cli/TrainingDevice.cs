using System.CommandLine;
using SIaM.TorchSharp;

namespace SIaM.Cli;

/// <summary>
/// The <c>--device</c> option of the verbs that train (<c>bench train</c>, <c>critic train</c>, <c>critic demo</c>,
/// <c>improve</c>): <c>cpu</c> (default), <c>cuda</c> or <c>cuda:N</c>. Checked before anything is written: a malformed
/// name is a usage error, a CUDA device on a build or machine without one fails naming the cause (both exit 2).
/// </summary>
internal static class TrainingDevice
{
    public static Option<string> Create() => new("--device")
    {
        Description = "Where to train: cpu, cuda or cuda:N (a CUDA build of libtorch and a GPU; see the README)",
        DefaultValueFactory = _ => "cpu",
    };

    /// <summary>The device name, once it is known to be usable here.</summary>
    public static string Resolve(string name)
    {
        if (!TorchDevices.IsValidName(name)) throw new UsageException($"--device must be cpu, cuda or cuda:N, not '{name}'");
        TorchDevices.ParseDevice(name);
        return name;
    }
}
