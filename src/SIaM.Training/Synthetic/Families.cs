using SIaM.Core.Benchmarks;

namespace SIaM.Training.Synthetic;

/// <summary>
/// The six families. In-domain (the seed set shows their programs): arithmetic chains, rates, unit conversions.
/// Out-of-domain (the loop sees only their answers): prices, comparisons, money/time/length conversions. As in the
/// paper, the out-of-domain sets are new question distributions, not new arithmetic: their programs recombine the
/// in-domain operations (+, −, ×, ÷, ×100/×60/×1000) under wording the seed set never shows, so that a weak policy
/// sampling k programs sometimes hits a correct one.
/// </summary>
public static class Families
{
    private static readonly string[] EnNames = ["Tom", "Anna", "Li", "Sara", "Ben", "Mia"];
    private static readonly string[] ZhNames = ["小明", "小红", "小刚", "小丽", "小军", "小芳"];
    private static readonly (string En, string Zh)[] Things = [("apples", "个苹果"), ("books", "本书"), ("pencils", "支铅笔"), ("stickers", "张贴纸"), ("marbles", "颗弹珠")];
    private static readonly (string En, string Zh)[] Goods = [("pens", "笔"), ("notebooks", "笔记本"), ("tickets", "票"), ("cakes", "蛋糕")];

    /// <summary>All families, in-domain first.</summary>
    public static IReadOnlyList<ProblemFamily> All { get; } =
    [
        new("chain", true, Chain),
        new("rate", true, Rate),
        new("units", true, Units),
        new("price", false, Price),
        new("compare", false, Compare),
        new("convert", false, Convert),
    ];

    private static string Name(Random r, Language l) => l == Language.En ? EnNames[r.Next(EnNames.Length)] : ZhNames[r.Next(ZhNames.Length)];

    private static ProblemDraft Chain(Random r, Language l)
    {
        int a = r.Next(10, 60), b = r.Next(2, 30), c = r.Next(2, a);
        var (n, t) = (Name(r, l), Things[r.Next(Things.Length)]);
        return r.Next(3) switch
        {
            0 => new(l == Language.En
                    ? $"{n} has {a} {t.En} and gets {b} more. How many {t.En} does {n} have now?"
                    : $"{n}有{a}{t.Zh}，又得到{b}{t.Zh}。{n}现在有多少{t.Zh}？", [a, b], "a + b", (a + b).ToString()),
            1 => new(l == Language.En
                    ? $"{n} has {a} {t.En} and gives away {c}. How many {t.En} are left?"
                    : $"{n}有{a}{t.Zh}，送出{c}{t.Zh}。还剩多少{t.Zh}？", [a, c], "a - b", (a - c).ToString()),
            _ => new(l == Language.En
                    ? $"{n} has {a} {t.En}. {n} gets {b} more and gives away {c}. How many {t.En} does {n} have now?"
                    : $"{n}有{a}{t.Zh}，又得到{b}{t.Zh}，送出{c}{t.Zh}。{n}现在有多少{t.Zh}？", [a, b, c], "a + b - c", (a + b - c).ToString()),
        };
    }

    private static ProblemDraft Rate(Random r, Language l)
    {
        int a = r.Next(2, 13), b = r.Next(2, 13);
        var t = Things[r.Next(Things.Length)];
        return r.Next(2) switch
        {
            0 => new(l == Language.En
                    ? $"A box holds {a} {t.En}. How many {t.En} are in {b} boxes?"
                    : $"每个盒子装{a}{t.Zh}。{b}个盒子一共装多少{t.Zh}？", [a, b], "a * b", (a * b).ToString()),
            _ => new(l == Language.En
                    ? $"{a * b} {t.En} are packed {a} to a box. How many boxes are filled?"
                    : $"{a * b}{t.Zh}每{a}个装一盒，可以装满多少盒？", [a * b, a], "a / b", b.ToString()),
        };
    }

    private static ProblemDraft Units(Random r, Language l)
    {
        var a = r.Next(2, 100);
        return r.Next(4) switch
        {
            0 => new(l == Language.En ? $"How many centimeters are in {a} meters?" : $"{a}米等于多少厘米？", [a], "a * 100", (a * 100).ToString()),
            1 => new(l == Language.En ? $"How many meters are in {a * 100} centimeters?" : $"{a * 100}厘米等于多少米？", [a * 100], "a / 100", a.ToString()),
            2 => new(l == Language.En ? $"How many minutes are in {a} hours?" : $"{a}小时等于多少分钟？", [a], "a * 60", (a * 60).ToString()),
            _ => new(l == Language.En ? $"How many grams are in {a} kilograms?" : $"{a}千克等于多少克？", [a], "a * 1000", (a * 1000).ToString()),
        };
    }

    // Prices follow the rate family's arithmetic (a box's price × boxes; money ÷ price of a box) under new words (sells,
    // dollars, pays; 卖, 元, 用), so that the weak policy's in-domain × and ÷ are there to be found by sampling. Worded as
    // "one pen costs a; b pens", the weak policy never tried × or ÷ on them (0 of 20 Chinese pool questions solved).
    private static ProblemDraft Price(Random r, Language l)
    {
        int a = r.Next(2, 13), b = r.Next(2, 13);
        var (n, g) = (Name(r, l), Goods[r.Next(Goods.Length)]);
        return r.Next(2) switch
        {
            0 => new(l == Language.En
                    ? $"A box of {g.En} sells for {a} dollars. How many dollars do {b} boxes sell for?"
                    : $"每盒{g.Zh}卖{a}元，{b}盒{g.Zh}一共卖多少元？", [a, b], "a * b", (a * b).ToString()),
            _ => new(l == Language.En
                    ? $"{n} pays {a * b} dollars for boxes of {g.En} at {a} dollars each. How many boxes does {n} get?"
                    : $"{n}用{a * b}元买{g.Zh}，每盒{a}元，一共买了多少盒？", [a * b, a], "a / b", b.ToString()),
        };
    }

    private static ProblemDraft Compare(Random r, Language l)
    {
        int a = r.Next(10, 60), b = r.Next(2, a);
        var (n, m, t) = (Name(r, l), Name(r, l), Things[r.Next(Things.Length)]);
        if (m == n) m = l == Language.En ? "Max" : "小华";
        return r.Next(3) switch
        {
            0 => new(l == Language.En
                    ? $"{n} has {a} {t.En}. {m} has {b} more than {n}. How many {t.En} does {m} have?"
                    : $"{n}有{a}{t.Zh}，{m}比{n}多{b}{t.Zh}。{m}有多少{t.Zh}？", [a, b], "a + b", (a + b).ToString()),
            1 => new(l == Language.En
                    ? $"{n} has {a} {t.En}. {m} has {b} fewer than {n}. How many {t.En} does {m} have?"
                    : $"{n}有{a}{t.Zh}，{m}比{n}少{b}{t.Zh}。{m}有多少{t.Zh}？", [a, b], "a - b", (a - b).ToString()),
            _ => new(l == Language.En
                    ? $"{n} has {a} {t.En} and {m} has {b}. How many {t.En} do they have together?"
                    : $"{n}有{a}{t.Zh}，{m}有{b}{t.Zh}。他们一共有多少{t.Zh}？", [a, b], "a + b", (a + b).ToString()),
        };
    }

    private static ProblemDraft Convert(Random r, Language l)
    {
        var a = r.Next(2, 100);
        return r.Next(3) switch
        {
            0 => new(l == Language.En ? $"How many cents are in {a} dollars?" : $"{a}元等于多少分？", [a], "a * 100", (a * 100).ToString()),
            1 => new(l == Language.En ? $"How many seconds are in {a} minutes?" : $"{a}分钟等于多少秒？", [a], "a * 60", (a * 60).ToString()),
            _ => new(l == Language.En ? $"How many meters are in {a} kilometers?" : $"{a}千米等于多少米？", [a], "a * 1000", (a * 1000).ToString()),
        };
    }
}
