using System.Xml;
using System.Xml.Linq;
using SIaM.Core.Runs;
using SIaM.Reporting.Comparing;
using SIaM.Reporting.Tables;

namespace SIaM.Reporting.Exporters;

/// <summary>
/// <c>junit.xml</c>: one test case per benchmark and suite of the gate; a failure's text holds the numbers and the
/// worst flips. Without a gate, every row of the last run is a passing case.
/// </summary>
public sealed class JUnitExporter : IExporter
{
    private const int WorstFlipsShown = 5;

    /// <inheritdoc />
    public string Name => "junit";

    /// <inheritdoc />
    public IReadOnlyList<string> Export(ReportContext context, string directory)
    {
        var run = context.Table.Runs[^1];
        var rows = context.Table.Rows.Where(r => r.Run == run).ToList();
        var cases = rows.Select(r => Case(r, context)).ToList();
        var failures = rows.Count(r => r.Gate?.Failed == true);
        var suite = new XElement("testsuite",
            new XAttribute("name", $"siam regression gate: {run}" + (context.Table.Baseline is { } b ? $" vs {b}" : "")),
            new XAttribute("tests", rows.Count), new XAttribute("failures", failures), new XAttribute("errors", 0),
            new XAttribute("skipped", 0), cases);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites",
            new XAttribute("tests", rows.Count), new XAttribute("failures", failures), suite));
        AtomicFile.Write(Path.Combine(directory, "junit.xml"), stream =>
        {
            using var writer = XmlWriter.Create(stream, new XmlWriterSettings
            {
                Indent = true,
                Encoding = new System.Text.UTF8Encoding(false),
                NewLineChars = "\n",
            });
            document.Save(writer);
        });
        return ["junit.xml"];
    }

    private static XElement Case(ResultRow row, ReportContext context)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", row.IsSuite ? "suite" : "benchmark"), new XAttribute("name", row.Name), new XAttribute("time", "0"));
        if (row.Gate is { } verdict)
            element.Add(new XElement("properties",
                Property("adjusted_p", Format.Fraction(verdict.AdjustedPValue)), Property("family", verdict.Family),
                Property("min_detectable_drop_points",
                    double.IsFinite(verdict.MinimumDetectableDropPoints) ? Format.Fraction(verdict.MinimumDetectableDropPoints) : "none"),
                Property("under_powered", verdict.UnderPowered ? "true" : "false")));
        var text = row.Gate?.Explanation ?? $"{row.Name}: {Format.Pct(row.Accuracy)}% of {row.Graded} graded";
        if (row.Gate is { Failed: true } gate && context.Comparison is { } comparison)
        {
            var worst = comparison.FlipsOf(gate.Row, context.Suites)
                .Where(f => f.Kind == FlipKind.CorrectToWrong)
                .Take(WorstFlipsShown)
                .Select(f => $"  {f.Benchmark}/{f.Id}#{f.Sample}: expected {f.Pair.Base.Reference}, " +
                    $"got {f.Pair.Candidate.Extracted ?? "(none)"} (was {f.Pair.Base.Extracted ?? "(none)"})");
            element.Add(new XElement("failure", new XAttribute("message", $"{row.Name} regressed by {gate.DropPoints:0.00} pts"),
                string.Join("\n", [text, "worst flips:", .. worst])));
        }
        else element.Add(new XElement("system-out", text));
        return element;
    }

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));
}
