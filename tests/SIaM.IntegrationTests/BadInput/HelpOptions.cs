using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace SIaM.IntegrationTests.BadInput;

/// <summary>
/// Every option of every leaf verb, read from the committed <c>--help</c> snapshots (which
/// <c>HelpSnapshotTests</c> keeps equal to what <c>siam VERB --help</c> prints, and complete over the command tree).
/// </summary>
public static partial class HelpOptions
{
    private const string Prefix = "HelpSnapshotTests.Help_of_each_verb_matches_its_snapshot_";

    /// <summary>One option: the verb (words joined by spaces) and every name of the option.</summary>
    public sealed record VerbOption(string Verb, IReadOnlyList<string> Names)
    {
        public override string ToString() => $"{Verb} {Names[0]}";
    }

    [GeneratedRegex(@"^  (-[^\s,]+(?:, -[^\s,]+)*)", RegexOptions.Multiline)]
    private static partial Regex OptionRow();

    public static IReadOnlyList<VerbOption> All() =>
        Directory.EnumerateFiles(SnapshotDirectory(), Prefix + "*.snap")
            .Order(StringComparer.Ordinal)
            .SelectMany(Options)
            .ToList();

    private static IEnumerable<VerbOption> Options(string file)
    {
        var verb = Path.GetFileNameWithoutExtension(file)[Prefix.Length..].Replace('_', ' ');
        var help = File.ReadAllText(file).ReplaceLineEndings("\n");
        var options = help.IndexOf("\nOptions:\n", StringComparison.Ordinal);
        // A group's options are its own too (improve has a subcommand, spread, beside its options); a pure group has only --help.
        if (verb == "siam" || options < 0) yield break;
        var commands = help.IndexOf("\nCommands:\n", options, StringComparison.Ordinal);
        foreach (Match row in OptionRow().Matches(help[options..(commands < 0 ? help.Length : commands)]))
        {
            var names = row.Groups[1].Value.Split(", ");
            if (!names.Contains("--help")) yield return new VerbOption(verb, names);
        }
    }

    private static string SnapshotDirectory([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(source)!)!, "Cli", "__snapshots__");
}
