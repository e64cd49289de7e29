using SIaM.Core.Validation;
using SIaM.Data;

namespace SIaM.Cli;

/// <summary>The <c>--data</c> option's check: a directory given must exist (absent, the data is looked for when needed).</summary>
internal static class DataOption
{
    public static IOptionValidator Validator(string? directory) =>
        new CheckValidator(() =>
        {
            if (directory is not null) DataLocator.Resolve(directory);
        });
}
