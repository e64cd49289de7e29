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
/// value and programs that print a wrong value, in the same answer formats, so the label depends on the value and not
/// on the format. Five formats state the one number (plain <c>12</c>, <c>12.0</c>, with the question's unit
/// <c>12 apples</c>, labelled <c>answer: 12</c>, a fraction <c>1/2</c> for 0.5): comparing the two numbers decides them.
/// Three do not, and there a critic can add something that comparing numbers cannot: the working before the result
/// (<c>9 + 13 = 22</c>), the number in words (<c>twenty-two</c>, <c>二十二</c>), and a scale word
/// (<c>3.9 thousand</c>, <c>2.1万</c>). A wrong value is drawn so that it prints in the same format, so no format
/// tells the label. The rule filter reads only the plain and float formats. Split so that no compact prompt and no
/// (reference, result) pair is on both sides: examples that share either are one group, and whole groups go to one side
/// (by a hash of the group); deterministic under the seed. (Split by question alone, 291 of 846 held-out prompts were in
/// train.jsonl with the same label: the compact prompt holds only the two numbers, so the held-out figure measured recall
/// of the training set.)
/// </summary>
public static partial class DemoCriticData
{
    /// <summary>One example: its critic-data line, the case it was asked about, and the format of the printed result.</summary>
    public sealed record Example(CriticTrainingExample Line, CritiqueCase Case, Format Format)
    {
        public string Reference => Case.Reference;
        public string Output => Case.Output ?? "";
    }

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
                var format = PrintableIn((Format)random.Next(FormatCount), value, unit, language);
                var shown = label ? value : Wrong(random, value, format, language);
                var (program, output) = Render(format, shown, unit, language, random);
                var @case = new CritiqueCase($"{q.Id}/{j}", j, "demo", language, q.Question, q.Answer, program, output, null, program);
                all.Add(new Example(new CriticTrainingExample(q.Id, j, "demo", CriticPrompt.Compact(@case), CriticPrompt.Messages(@case, 0),
                    label ? "YES" : "NO", label), @case, format));
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

    /// <summary>How a program prints its result; the last three do not state the one number.</summary>
    public enum Format { Plain, Float, Unit, Labelled, Fraction, Working, Words, Scale }

    private const int FormatCount = 8;

    /// <summary>A wrong value, near enough to print in <paramref name="format"/> when the reference does.</summary>
    private static double Wrong(Random random, double value, Format format, Language language)
    {
        var step = random.Next(1, 10);
        var sign = random.Next(2) == 0 ? 1 : -1;
        if (format == Format.Words && InWords(value))
            return value + sign * step is >= 0 and <= NumberWords.Max and var near ? near : value - sign * step;
        if (format == Format.Scale && ScaleOf(value, language) is { } scale)
            return value + sign * step * scale.Unit / 10 is var near && ScaleOf(near, language) is not null ? near : value + step * scale.Unit / 10;
        return random.Next(4) switch
        {
            0 => value + step,
            1 => value - step,
            2 => value * 10,
            _ => value + 10 * random.Next(1, 4),
        };
    }

    /// <summary>
    /// The format when the reference prints in it, else <see cref="Format.Plain"/>: decided on the reference, never on
    /// the value shown, so a format's examples are right and wrong alike.
    /// </summary>
    private static Format PrintableIn(Format format, double value, string? unit, Language language) => format switch
    {
        Format.Float or Format.Working when value != Math.Floor(value) => Format.Plain,
        Format.Unit when unit is null => Format.Plain,
        Format.Fraction when value == Math.Floor(value) || Fraction(value) is null => Format.Plain,
        Format.Words when !InWords(value) => Format.Plain,
        Format.Scale when ScaleOf(value, language) is null => Format.Plain,
        _ => format,
    };

    private static bool InWords(double value) => value == Math.Floor(value) && value is >= 0 and <= NumberWords.Max;

    /// <summary>The scale word a value prints with (one decimal at most): thousand / 千 from 1,000, 万 from 10,000.</summary>
    private static (string Word, double Unit)? ScaleOf(double value, Language language)
    {
        (string Word, double Unit) scale = language == Language.Zh
            ? value >= 10_000 ? ("万", 10_000) : ("千", 1_000)
            : (" thousand", 1_000);
        var tenths = value / scale.Unit * 10;
        return value >= 1_000 && tenths == Math.Floor(tenths) ? scale : null;
    }

    private static (string Program, string Output) Render(Format format, double value, string? unit, Language language, Random random)
    {
        var text = value.ToString("0.##########", CultureInfo.InvariantCulture);
        var integer = value == Math.Floor(value);
        switch (format)
        {
            case Format.Float when integer:
                return ($"answer = float({text})\nprint(answer)", text + ".0");
            case Format.Unit when unit is not null:
                var shown = language == Language.Zh ? $"{text}{unit}" : $"{text} {unit}";
                return ($"answer = {text}\nprint(f\"{{answer}}{(language == Language.Zh ? "" : " ")}{unit}\")", shown);
            case Format.Labelled:
                var label = language == Language.Zh ? "答案：" : "answer: ";
                return ($"answer = {text}\nprint(f\"{label}{{answer}}\")", label + text);
            case Format.Fraction when !integer && Fraction(value) is { } fraction:
                return ($"from fractions import Fraction\nanswer = Fraction({fraction.Numerator}, {fraction.Denominator})\nprint(answer)",
                    $"{fraction.Numerator}/{fraction.Denominator}");
            case Format.Working when integer:
                var b = random.Next(1, 10);
                var (a, op) = value - b >= 1 ? (value - b, "+") : (value + b, "-");
                var left = a.ToString("0", CultureInfo.InvariantCulture);
                return ($"a = {left}\nb = {b}\nanswer = a {op} b\nprint(f\"{{a}} {op} {{b}} = {{answer}}\")", $"{left} {op} {b} = {text}");
            case Format.Words when InWords(value):
                var words = language == Language.Zh ? NumberWords.Zh((int)value) : NumberWords.En((int)value);
                return ($"answer = \"{words}\"\nprint(answer)", words);
            case Format.Scale when ScaleOf(value, language) is { } scale:
                var scaled = (value / scale.Unit).ToString("0.#", CultureInfo.InvariantCulture);
                return ($"answer = {text}\nprint(f\"{{answer / {scale.Unit:0}:g}}{scale.Word}\")", scaled + scale.Word);
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
