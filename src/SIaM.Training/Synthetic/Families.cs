using SIaM.Core.Benchmarks;

namespace SIaM.Training.Synthetic;

/// <summary>
/// The six families. In-domain (the seed set shows their programs): arithmetic chains, rates, unit conversions.
/// Out-of-domain (the loop sees only their answers): percentages, remainders, simple equations.
/// </summary>
public static class Families
{
    private static readonly string[] EnNames = ["Tom", "Anna", "Li", "Sara", "Ben", "Mia"];
    private static readonly string[] ZhNames = ["小明", "小红", "小刚", "小丽", "小军", "小芳"];
    private static readonly (string En, string Zh)[] Things = [("apples", "个苹果"), ("books", "本书"), ("pencils", "支铅笔"), ("stickers", "张贴纸"), ("marbles", "颗弹珠")];

    /// <summary>All families, in-domain first.</summary>
    public static IReadOnlyList<ProblemFamily> All { get; } =
    [
        new("chain", true, Chain),
        new("rate", true, Rate),
        new("units", true, Units),
        new("percent", false, Percent),
        new("remainder", false, Remainder),
        new("equation", false, Equation),
    ];

    private static string Name(Random r, Language l) => l == Language.En ? EnNames[r.Next(EnNames.Length)] : ZhNames[r.Next(ZhNames.Length)];

    private static ProblemDraft Chain(Random r, Language l)
    {
        int a = r.Next(10, 60), b = r.Next(2, 30), c = r.Next(2, a);
        var (n, t) = (Name(r, l), Things[r.Next(Things.Length)]);
        var q = l == Language.En
            ? $"{n} has {a} {t.En}. {n} gets {b} more and gives away {c}. How many {t.En} does {n} have now?"
            : $"{n}有{a}{t.Zh}，又得到{b}{t.Zh}，送出{c}{t.Zh}。{n}现在有多少{t.Zh}？";
        return new(q, [a, b, c], "a + b - c", (a + b - c).ToString());
    }

    private static ProblemDraft Rate(Random r, Language l)
    {
        int a = r.Next(2, 13), b = r.Next(2, 13);
        var t = Things[r.Next(Things.Length)];
        var q = l == Language.En
            ? $"A box holds {a} {t.En}. How many {t.En} are in {b} boxes?"
            : $"每个盒子装{a}{t.Zh}。{b}个盒子一共装多少{t.Zh}？";
        return new(q, [a, b], "a * b", (a * b).ToString());
    }

    private static ProblemDraft Units(Random r, Language l)
    {
        var a = r.Next(2, 40);
        return r.Next(3) switch
        {
            0 => new(l == Language.En ? $"How many centimeters are in {a} meters?" : $"{a}米等于多少厘米？", [a], "a * 100", (a * 100).ToString()),
            1 => new(l == Language.En ? $"How many minutes are in {a} hours?" : $"{a}小时等于多少分钟？", [a], "a * 60", (a * 60).ToString()),
            _ => new(l == Language.En ? $"How many grams are in {a} kilograms?" : $"{a}千克等于多少克？", [a], "a * 1000", (a * 1000).ToString()),
        };
    }

    private static ProblemDraft Percent(Random r, Language l)
    {
        int b = 10 * r.Next(1, 10), a = 10 * r.Next(2, 30);
        var q = l == Language.En ? $"What is {b}% of {a}?" : $"{a}的{b}%是多少？";
        return new(q, [a, b], "a * b / 100", (a * b / 100).ToString());
    }

    private static ProblemDraft Remainder(Random r, Language l)
    {
        int b = r.Next(3, 10), a = r.Next(b + 1, 90);
        var t = Things[r.Next(Things.Length)];
        var q = l == Language.En
            ? $"{a} {t.En} are shared equally among {b} children. How many {t.En} are left over?"
            : $"把{a}{t.Zh}平均分给{b}个小朋友，还剩多少{t.Zh}？";
        return new(q, [a, b], "a % b", (a % b).ToString());
    }

    private static ProblemDraft Equation(Random r, Language l)
    {
        int a = r.Next(2, 40), x = r.Next(2, 60);
        var q = l == Language.En ? $"A number plus {a} equals {a + x}. What is the number?" : $"一个数加上{a}等于{a + x}，这个数是多少？";
        return new(q, [a + x, a], "a - b", x.ToString());
    }
}
