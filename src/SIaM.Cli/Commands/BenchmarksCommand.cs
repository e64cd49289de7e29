using System.CommandLine;
using SIaM.Core;
using SIaM.Data;

namespace SIaM.Cli.Commands;

/// <summary><c>siam benchmarks</c>: the catalog with language, answer kind, suites, records and whether the data is here and verified.</summary>
internal static class BenchmarksCommand
{
    private static readonly Option<string?> Data = new("--data") { Description = "Data directory (default: $SIAM_DATA, ./benchmarks-data, ../shared/benchmarks-data)" };

    public static Command Create()
    {
        var command = new Command("benchmarks", "List every benchmark: language, answer kind, suites, records, data found and verified");
        command.Options.Add(Data);
        command.SetAction(result =>
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
        });
        return command;
    }

    // Left-aligned columns separated by two spaces: stable in pipes and CI logs.
    private static void WriteTable(TextWriter writer, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
            writer.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))));
    }
}
