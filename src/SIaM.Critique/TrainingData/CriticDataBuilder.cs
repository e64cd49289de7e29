using SIaM.Core.Prompts;
using SIaM.Core.Runs;
using SIaM.Critique.Pipeline;
using SIaM.Critique.Prompts;
using SIaM.Critique.Rules;

namespace SIaM.Critique.TrainingData;

/// <summary>The two splits of a critic training set.</summary>
public sealed record CriticDataSet(IReadOnlyList<CriticTrainingExample> Train, IReadOnlyList<CriticTrainingExample> HeldOut);

/// <summary>
/// Builds balanced YES/NO critic examples from graded samples, labelled by the rule grader where it is certain (a
/// gradable reference, a valid response). Deduplicated by problem and program (or answer, without a program); split by
/// problem (a problem's samples are all in one split, chosen by the hash of its id); each split balanced by dropping
/// the surplus of its larger class in hash order. Deterministic. Pure.
/// </summary>
public static class CriticDataBuilder
{
    /// <summary>Builds the set; <paramref name="heldOut"/> is the share of problems held out.</summary>
    public static CriticDataSet Build(IEnumerable<SampleRecord> samples, IReadOnlyDictionary<string, ProblemContext> problems, double heldOut, int fewShot = 0)
    {
        var examples = samples
            .Where(s => s.Correct is not null && problems.TryGetValue(s.Id, out var p) && p.Gradable)
            .Select(s => CritiqueCase.From(s, problems[s.Id].Question, problems[s.Id].Language) is var c ? (Sample: s, Case: c) : default)
            .Where(x => InvalidResponse.Check(x.Case) is null)
            .DistinctBy(x => (x.Sample.Id, (x.Sample.Code ?? x.Sample.Extracted ?? x.Sample.Completion).Trim()))
            .Select(x => new CriticTrainingExample(x.Sample.Id, x.Sample.Sample, x.Sample.Benchmark,
                CriticPrompt.Plain(x.Case, fewShot), CriticPrompt.Messages(x.Case, fewShot),
                x.Sample.Correct == true ? "YES" : "NO", x.Sample.Correct == true))
            .ToList();
        bool IsHeldOut(string id) => Fraction(id) < heldOut;
        return new CriticDataSet(Balance(examples.Where(e => !IsHeldOut(e.Id))), Balance(examples.Where(e => IsHeldOut(e.Id))));
    }

    private static List<CriticTrainingExample> Balance(IEnumerable<CriticTrainingExample> examples)
    {
        var ordered = examples.OrderBy(e => Sha256.Hex($"{e.Id}#{e.Sample}"), StringComparer.Ordinal).ToList();
        var count = Math.Min(ordered.Count(e => e.Label), ordered.Count(e => !e.Label));
        return ordered.Where(e => e.Label).Take(count).Concat(ordered.Where(e => !e.Label).Take(count))
            .OrderBy(e => Sha256.Hex($"{e.Id}#{e.Sample}"), StringComparer.Ordinal).ToList();
    }

    private static double Fraction(string id) => Convert.ToUInt32(Sha256.Hex(id)[..8], 16) / (double)uint.MaxValue;
}
