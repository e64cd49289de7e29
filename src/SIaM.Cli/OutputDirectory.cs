using SIaM.Core.Validation;

namespace SIaM.Cli;

/// <summary>Checks an output directory before any work starts (see <see cref="WritableDirectoryValidator"/>).</summary>
internal static class OutputDirectory
{
    public static void EnsureWritable(string path, string option) => Preflight.ThrowIfInvalid([new WritableDirectoryValidator(option, path)]);
}
