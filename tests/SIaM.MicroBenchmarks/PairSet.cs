using System.Text.Json;
using SIaM.Core.Benchmarks;

namespace SIaM.MicroBenchmarks;

/// <summary>One benchmark pair: the LaTeX/plain form our grader reads and the sympy form the baseline reads.</summary>
public sealed record GradingPair(string Prediction, string Reference, string SympyPrediction, string SympyReference);

/// <summary>The pair files under <c>Pairs/</c>: <c>numeric</c> (GSM8K-like), <c>symbolic</c> (LaTeX expressions) and
/// <c>freetext</c> (raw model text; the sympy baseline gets the answer already extracted).</summary>
public static class PairSet
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Pairs", name + ".jsonl");

    public static IReadOnlyList<GradingPair> Load(string name) =>
        File.ReadLines(PathOf(name)).Where(l => l.Trim().Length > 0).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            var r = doc.RootElement;
            return new GradingPair(r.GetProperty("prediction").GetString()!, r.GetProperty("reference").GetString()!,
                r.GetProperty("sympy_prediction").GetString()!, r.GetProperty("sympy_reference").GetString()!);
        }).ToList();

    public static AnswerKind KindOf(string name) => name == "numeric" ? AnswerKind.Number : AnswerKind.Expression;
}
