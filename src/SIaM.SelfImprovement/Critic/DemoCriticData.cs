using System.Globalization;
using System.Text.RegularExpressions;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Critique;
using SIaM.Critique.Filtering;
using SIaM.Critique.Prompts;
using SIaM.Critique.TrainingData;
using SIaM.SelfImprovement;

namespace SIaM.SelfImprovement.Critic;

/// <summary>
/// Critic examples for the demo, in the critic-data format: for each pool question, programs that print the reference
/// value and programs that print a wrong value, in the same answer formats (plain <c>12</c>, <c>12.0</c>, with the
/// question's unit <c>12 apples</c>, labelled <c>answer: 12</c>, a fraction <c>1/2</c> for 0.5), so the label depends
/// on the value and not on the format. The rule filter reads only the plain and float formats, so the critic has
/// something to add. Split so that no compact prompt and no (reference, result) pair is on both sides: examples that
/// share either are one group, and whole groups go to one side (by a hash of the group); deterministic under the seed.
/// (Split by question alone, 291 of 846 held-out prompts were in train.jsonl with the same label: the compact prompt
/// holds only the two numbers, so the held-out figure measured recall of the training set.)
/// </summary>
public static partial class DemoCriticData
{
    public sealed record Example(CriticTrainingExample Line, string Reference, string Output);

    public const int PerQuestion = 18;

    [GeneratedRegex(@"How many (\w+)")]
    private static partial Regex EnUnit();

    [GeneratedRegex(@"多少([^？?，。！]+)")]
    private static partial Regex ZhUnit();

    public static (List<Example> Train, List<Example> HeldOut) Build(IReadOnlyList<LoopQuestion> pool, int seed, double heldOut = 0.2)
    {
        var all = new List<Example>();
        foreach (var q in pool)
        {
            if (!double.TryParse(q.Answer, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            var hash = Sha256.Hex($"{seed}/{q.Id}");
            var random = new Random(Convert.ToInt32(hash[..7], 16));
            var language = CriticFilter.LanguageOf(q.Question);
            var unit = (language == Language.Zh ? ZhUnit() : EnUnit()).Match(q.Question) is { Success: true } m ? m.Groups[1].Value : null;
            for (var j = 0; j < PerQuestion; j++)
            {
                var label = j % 2 == 0;
                var shown = label ? value : Wrong(random, value);
                var (program, output) = Render(random.Next(5), shown, unit, language);
                var @case = new CritiqueCase(q.Id, j, "demo", language, q.Question, q.Answer, program, output, null, program);
                all.Add(new Example(new CriticTrainingExample(q.Id, j, "demo", CriticPrompt.Compact(@case), CriticPrompt.Messages(@case, 0),
                    label ? "YES" : "NO", label), q.Answer, output));
            }
        }
        return Split(all, seed, heldOut);
    }

    /// <summary>
    /// Groups examples that share a compact prompt or a (reference, output) pair (union–find) and sends each group
    /// whole to the held-out side with probability <paramref name="heldOut"/> (a hash of the seed and the group's first
    /// prompt), so the two sides share neither.
    /// </summary>
    public static (List<Example> Train, List<Example> HeldOut) Split(IReadOnlyList<Example> all, int seed, double heldOut)
    {
        var parent = Enumerable.Range(0, all.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
            foreach (var key in new[] { "p\u0000" + all[i].Line.Prompt, "r\u0000" + all[i].Reference + "\u0000" + all[i].Output })
                if (first.TryGetValue(key, out var j)) parent[Find(i)] = Find(j);
                else first[key] = i;
        var train = new List<Example>();
        var held = new List<Example>();
        for (var i = 0; i < all.Count; i++)
        {
            var hash = Sha256.Hex($"{seed}/{all[Find(i)].Line.Prompt}");
            (Convert.ToUInt32(hash[..8], 16) / (double)uint.MaxValue < heldOut ? held : train).Add(all[i]);
        }
        return (train, Balanced(held));
    }

    /// <summary>
    /// The held-out side with as many YES as NO examples (the surplus of the larger label dropped from its end, never moved
    /// to the training side), so that chance is 50% there, as on the balanced pool.
    /// </summary>
    private static List<Example> Balanced(List<Example> held)
    {
        var each = Math.Min(held.Count(e => e.Line.Label), held.Count(e => !e.Line.Label));
        var kept = new Dictionary<bool, int> { [true] = 0, [false] = 0 };
        return held.Where(e => kept[e.Line.Label]++ < each).ToList();
    }

    /// <summary>
    /// The trivial baseline on the same examples: YES when the output states exactly one number and it equals the
    /// reference (the two numbers compared, whatever the format around them).
    /// </summary>
    public static bool Trivial(Example e) => DemoTruth.Correct(e.Reference, e.Output);

    private static double Wrong(Random random, double value) => random.Next(4) switch
    {
        0 => value + random.Next(1, 10),
        1 => value - random.Next(1, 10),
        2 => value * 10,
        _ => value + 10 * random.Next(1, 4),
    };

    private static (string Program, string Output) Render(int format, double value, string? unit, Language language)
    {
        var text = value.ToString("0.##########", CultureInfo.InvariantCulture);
        var integer = value == Math.Floor(value);
        switch (format)
        {
            case 1 when integer:
                return ($"answer = float({text})\nprint(answer)", text + ".0");
            case 2 when unit is not null:
                var shown = language == Language.Zh ? $"{text}{unit}" : $"{text} {unit}";
                return ($"answer = {text}\nprint(f\"{{answer}}{(language == Language.Zh ? "" : " ")}{unit}\")", shown);
            case 3:
                var label = language == Language.Zh ? "答案：" : "answer: ";
                return ($"answer = {text}\nprint(f\"{label}{{answer}}\")", label + text);
            case 4 when !integer && Fraction(value) is { } fraction:
                return ($"from fractions import Fraction\nanswer = Fraction({fraction.Numerator}, {fraction.Denominator})\nprint(answer)", $"{fraction.Numerator}/{fraction.Denominator}");
            default:
                return ($"answer = {text}\nprint(answer)", text);
        }
    }

    private static (long Numerator, long Denominator)? Fraction(double value)
    {
        for (long d = 2; d <= 20; d++)
            if (Math.Abs(value * d - Math.Round(value * d)) < 1e-9) return ((long)Math.Round(value * d), d);
        return null;
    }
}
