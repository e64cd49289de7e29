using System.Text;
using System.Text.Json;
using SIaM.Core.Runs;
using SIaM.Reporting.Comparing;

namespace SIaM.Reporting.Exporters;

/// <summary>
/// <c>diff.md</c> (every flip, worst first: correct→wrong, changed output, wrong→correct, each with unified diffs of
/// completion, code and execution output) and <c>diff.jsonl</c> (the same, one flip per line). Needs a baseline.
/// </summary>
public sealed class DiffExporter : IExporter
{
    private const int NotComparableShown = 20;

    /// <inheritdoc />
    public string Name => "diff";

    /// <inheritdoc />
    public IReadOnlyList<string> Export(ReportContext context, string directory)
    {
        if (context.Comparison is not { } comparison) return [];
        AtomicFile.WriteText(Path.Combine(directory, "diff.md"), Markdown(comparison));
        AtomicFile.Write(Path.Combine(directory, "diff.jsonl"), stream =>
        {
            foreach (var flip in comparison.Flips)
            {
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(Line(flip), JsonFormat.Line));
                stream.WriteByte((byte)'\n');
            }
        });
        return ["diff.md", "diff.jsonl"];
    }

    private static string Markdown(RunComparison comparison)
    {
        var md = new StringBuilder();
        md.Append($"# Flips: {comparison.CandidateName} vs {comparison.BaseName}\n\n");
        md.Append("Each flip links to its side-by-side view in [report.html](report.html), the viewer written beside this file.\n\n");
        foreach (var kind in Enum.GetValues<FlipKind>())
            md.Append($"- {Title(kind)}: {comparison.Flips.Count(f => f.Kind == kind)}\n");
        md.Append($"- not comparable: {comparison.NotComparable.Count}\n");
        foreach (var flip in comparison.Flips)
        {
            var (b, c) = (flip.Pair.Base, flip.Pair.Candidate);
            md.Append($"\n<a id=\"{FlipAnchor.Of(flip)}\"></a>\n## {Title(flip.Kind)}: {flip.Benchmark} / {flip.Id} #{flip.Sample}\n\n");
            md.Append($"[side by side in report.html](report.html#{FlipAnchor.Of(flip)}) · ");
            md.Append($"reference `{b.Reference}` · base `{b.Extracted ?? "(none)"}` ({Verdict(b)}) · candidate `{c.Extracted ?? "(none)"}` ({Verdict(c)})\n");
            foreach (var (name, diff) in Diffs(flip))
                if (diff.Length > 0) md.Append($"\n{name}:\n\n````diff\n{diff}````\n");
        }
        if (comparison.NotComparable.Count > 0)
        {
            md.Append("\n## Not comparable\n\n");
            foreach (var n in comparison.NotComparable.Take(NotComparableShown)) md.Append($"- {n.Benchmark} / {n.Id} #{n.Sample}: {n.Reason}\n");
            if (comparison.NotComparable.Count > NotComparableShown) md.Append($"- … and {comparison.NotComparable.Count - NotComparableShown} more\n");
        }
        return md.ToString();
    }

    private static IEnumerable<(string Name, string Diff)> Diffs(Flip flip)
    {
        var (b, c) = (flip.Pair.Base, flip.Pair.Candidate);
        yield return ("completion", UnifiedDiff.Of(b.Completion, c.Completion, "completion"));
        yield return ("code", UnifiedDiff.Of(b.Code, c.Code, "code"));
        yield return ("output", UnifiedDiff.Of(SampleText.Output(b), SampleText.Output(c), "output"));
    }

    private static object Line(Flip flip) => new
    {
        flip.Benchmark, flip.Id, flip.Sample, Kind = Snake(flip.Kind), flip.Pair.Base.Reference,
        Base = new { flip.Pair.Base.Correct, flip.Pair.Base.Extracted },
        Candidate = new { flip.Pair.Candidate.Correct, flip.Pair.Candidate.Extracted },
        Diffs = Diffs(flip).Where(d => d.Diff.Length > 0).ToDictionary(d => d.Name, d => d.Diff),
    };

    private static string Verdict(SampleRecord r) => r.Correct switch { true => "correct", false => "wrong", null => "ungraded" };

    private static string Snake(FlipKind kind) => kind switch
    {
        FlipKind.CorrectToWrong => "correct_to_wrong",
        FlipKind.WrongToCorrect => "wrong_to_correct",
        _ => "changed_output",
    };

    internal static string Title(FlipKind kind) => kind switch
    {
        FlipKind.CorrectToWrong => "correct → wrong",
        FlipKind.WrongToCorrect => "wrong → correct",
        _ => "changed output",
    };
}
