using System.Globalization;
using SIaM.Critique.Pipeline;
using SIaM.Critique.Statistics;

namespace SIaM.Cli;

/// <summary>Prints a critique's scores as a Markdown table on standard output.</summary>
internal static class CritiqueTable
{
    public static void Print(CritiqueResults results, string directory)
    {
        Console.WriteLine($"critic {results.CriticId} ({results.Critic["model"] ?? results.Critic["file"]}), scoring " +
            $"{results.Mode.ToString().ToLowerInvariant()}, asked {results.Asked}");
        Console.WriteLine("| scope | graded | ungradable | rule acc | critic acc | combined acc | R+C+ | R+C- | R-C+ | R-C- | κ | invalid | unparseable |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (id, scores) in results.Benchmarks) Row(id, scores);
        foreach (var (name, scores) in results.Suites) Row($"**{name}**", scores);
        Row("**all**", results.Overall);
        Console.WriteLine($"verdicts, results and disagreements: {directory}");
    }

    private static void Row(string scope, CritiqueScores s)
    {
        var m = s.Matrix;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {scope} | {s.Graded} | {s.Ungradable} | {Pct(s.RuleAccuracy)} | {Pct(s.CriticAccuracy)} | {Pct(s.CombinedAccuracy)} | {m.RuleYesCriticYes} | " +
                $"{m.RuleYesCriticNo} | {m.RuleNoCriticYes} | {m.RuleNoCriticNo} | " +
                $"{(s.Kappa is { } k ? k.ToString("0.000", CultureInfo.InvariantCulture) : "–")} | {s.Invalid} | {s.Unparseable} |"));
    }

    private static string Pct(double? value) => value is { } v ? (100 * v).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "–";
}
