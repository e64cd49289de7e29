using System.CommandLine;
using System.CommandLine.Parsing;
using SIaM.Core.Text;

namespace SIaM.Cli;

/// <summary>
/// The <c>error:</c> lines for a command line the parser refused. A word where a verb belongs is named as an unknown
/// verb together with the nearest one, instead of System.CommandLine's "Required command was not provided".
/// </summary>
internal static class ParseErrors
{
    public static IEnumerable<string> Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var verbs = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        if (verbs.Count > 0 && command.Arguments.Count == 0 && parsed.UnmatchedTokens is [var word, ..] && !word.StartsWith('-'))
        {
            var path = command is RootCommand ? "" : FullName(parsed) + " ";
            yield return $"unknown verb '{path}{word}': the nearest is '{path}{NearestName.Of(word, verbs)}' (verbs: {string.Join(", ", verbs)})";
            yield break;
        }
        foreach (var error in parsed.Errors) yield return error.Message;
    }

    private static string FullName(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as CommandResult)
            names.Insert(0, result.Command.Name);
        return string.Join(" ", names);
    }
}
