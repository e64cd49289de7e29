using System.CommandLine;
using SIaM.Core.Benchmarks;
using SIaM.Data;
using SIaM.Grading;

namespace SIaM.Cli.Commands;

/// <summary><c>siam grade --input pairs.jsonl [--extracted] [--grading strict]</c>: grades reference/prediction pairs with the rule-based grader.</summary>
internal static class GradeCommand
{
    private static readonly Option<string> Input = new("--input")
    {
        Description = "JSON Lines of {\"reference\", \"prediction\", [\"benchmark\"], [\"kind\"]}; '-' reads standard input",
        Required = true,
    };

    private static readonly Option<bool> Extracted = new("--extracted") { Description = "Predictions are extracted answers, not raw model text" };
    private static readonly Option<double> Tolerance = new("--tolerance") { Description = "Relative numeric tolerance", DefaultValueFactory = _ => 1e-4 };

    private static readonly Option<GradingMode> Grading = new("--grading")
    {
        Description = "default, or strict: no last-number fallback, no unit stripping",
        DefaultValueFactory = _ => GradingMode.Default,
    };

    private static readonly Option<PercentVariantMode> Percent = new("--percent-variants")
    {
        Description = "Accept x/100 and 100x: Off, WhenPercentSign, Always",
        DefaultValueFactory = _ => PercentVariantMode.WhenPercentSign,
    };

    public static Command Create()
    {
        var command = new Command("grade", "Grade reference/prediction pairs; prints each line with extracted, equivalent and path");
        foreach (var option in new Option[] { Input, Extracted, Grading, Tolerance, Percent }) command.Options.Add(option);
        command.SetAction((result, ct) => RunAsync(result, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken ct)
    {
        var path = result.GetValue(Input)!;
        var tolerance = result.GetValue(Tolerance);
        if (!(tolerance >= 0 && tolerance < 1)) throw new UsageException($"--tolerance must be in [0, 1), got {tolerance}");
        var mode = result.GetValue(Grading);
        var options = new GradingOptions { RelativeTolerance = tolerance, PercentVariants = result.GetValue(Percent), Mode = mode };
        var grader = new PairGrader(new MathAnswerExtractor(mode: mode), new MathEquivalenceChecker(options), KindOf);
        if (path != "-" && !File.Exists(path)) throw new UsageException($"input file '{path}' does not exist");
        using var reader = path == "-" ? Console.In : new StreamReader(path);
        var source = path == "-" ? "<stdin>" : path;
        var extracted = result.GetValue(Extracted);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            Console.Out.WriteLine(grader.GradeLine(line, source, lineNumber, extracted));
        }
        return 0;
    }

    private static AnswerKind? KindOf(string id) =>
        BenchmarkRegistry.All.TryGetValue(id, out var spec) ? spec.Info.AnswerKind : null;
}
