using System.CommandLine;
using SIaM.Core;
using SIaM.Data;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam catalog</c>: the benchmark catalog with language, answer kind, suites, records and whether the data is here
/// and verified. <c>siam benchmarks</c>, its old name, still works (hidden from help) and says that it is deprecated.
/// </summary>
internal static class CatalogCommand
{
    private static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory (default: $SIAM_DATA, ./benchmarks-data, ../shared/benchmarks-data)",
    };

    private const string Description = "List every benchmark: language, answer kind, suites, records, data found and verified";

    public static Command Create()
    {
        var command = new Command("catalog", Description);
        command.Options.Add(Data);
        command.SetAction(Run);
        return command;
    }

    /// <summary>The old name, <c>siam benchmarks</c>: hidden from help; prints a deprecation note, then the catalog.</summary>
    public static Command CreateDeprecatedAlias()
    {
        var command = new Command("benchmarks", Description + " (deprecated: use 'siam catalog')") { Hidden = true };
        command.Options.Add(Data);
        command.SetAction(result =>
        {
            Console.Error.WriteLine("note: 'siam benchmarks' is deprecated and will be removed; use 'siam catalog'");
            return Run(result);
        });
        return command;
    }

    private static int Run(ParseResult result)
    {
        DataRoot? root;
        string where;
        try
        {
            root = DataLocator.Resolve(result.GetValue(Data));
            where = string.Join(", ", root.Directories);
        }
        catch (InputException e) when (result.GetValue(Data) is null)
        {
            (root, where) = (null, e.Message);
        }
        var rows = new List<string[]> { new[] { "id", "lang", "answer", "suites", "records", "found", "verified" } };
        var (found, verified) = (0, 0);
        foreach (var spec in BenchmarkRegistry.All.Values)
        {
            var check = root is null ? null : DataVerifier.Check(spec, root);
            found += check?.Path is null ? 0 : 1;
            verified += check?.Verified == true ? 1 : 0;
            rows.Add([
                spec.Id, spec.Info.Language.ToString().ToLowerInvariant(), spec.Info.AnswerKind.ToString().ToLowerInvariant(),
                spec.Suites.Count == 0 ? "-" : string.Join(",", spec.Suites.Where(s => s != "all")) is { Length: > 0 } s ? s : "all",
                (check?.Records ?? spec.Manifest.Records).ToString(), check?.Path is null ? "no" : "yes",
                check?.Path is null ? "-" : check.Verified ? "yes" : "NO",
            ]);
        }
        WriteTable(Console.Out, rows);
        Console.WriteLine();
        Console.WriteLine($"{rows.Count - 1} benchmarks, {found} found, {verified} verified. Data: {where}");
        Console.WriteLine($"Suites: {string.Join("; ", Suites.All.Select(s => $"{s.Key} = {s.Value.Count} benchmarks"))}");
        return ExitCodes.Success;
    }

    // Left-aligned columns separated by two spaces: stable in pipes and CI logs.
    private static void WriteTable(TextWriter writer, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
            writer.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))));
    }
}
