using System.Text.Json;

namespace SIaM.Grading.Tests;

/// <summary>Reads the JSONL case tables under <c>Cases/</c> next to the test assembly.</summary>
public static class CaseTables
{
    private static bool IsEquivalenceFile(string f) =>
        !f.StartsWith("extraction", StringComparison.Ordinal) && !f.StartsWith("text_", StringComparison.Ordinal);

    public static IEnumerable<TestCaseData> Equivalence() => Rows<EquivalenceCase>(IsEquivalenceFile)
        .Select(r => new TestCaseData(r.Row).SetName($"{r.File}:{r.Line} {Trim(r.Row.Prediction)} vs {Trim(r.Row.Reference)} => {r.Row.Expected}"));

    public static IEnumerable<TestCaseData> Extraction() => Rows<ExtractionCase>(f => f.StartsWith("extraction", StringComparison.Ordinal))
        .Select(r => new TestCaseData(r.Row).SetName($"{r.File}:{r.Line} {Trim(r.Row.Text ?? r.Row.Stdout ?? "")} => {r.Row.ExpectedAnswer}"));

    public static IEnumerable<TestCaseData> Text() => Rows<TextCase>(f => f.StartsWith("text_", StringComparison.Ordinal))
        .Select(r => new TestCaseData(r.Row).SetName($"{r.File}:{r.Line} {Trim(r.Row.Text)} vs {Trim(r.Row.Reference)} => {r.Row.Expected}"));

    public static IReadOnlyList<EquivalenceCase> AllEquivalence() => Rows<EquivalenceCase>(IsEquivalenceFile).Select(r => r.Row).ToList();

    public static IReadOnlyList<TextCase> AllText() =>
        Rows<TextCase>(f => f.StartsWith("text_", StringComparison.Ordinal)).Select(r => r.Row).ToList();

    private static IEnumerable<(string File, int Line, T Row)> Rows<T>(Func<string, bool> fileFilter)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Cases");
        foreach (var path in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!fileFilter(name)) continue;
            var lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                T? row;
                try { row = JsonSerializer.Deserialize<T>(line); }
                catch (JsonException ex) { throw new InvalidDataException($"{name}:{lineNumber}: {ex.Message}", ex); }
                yield return (name, lineNumber, row ?? throw new InvalidDataException($"{name}:{lineNumber}: empty row"));
            }
        }
    }

    private static string Trim(string s)
    {
        var one = s.Replace('\n', ' ').Replace('\r', ' ');
        return one.Length > 40 ? one[..40] + "…" : one;
    }
}
