using SIaM.Core.Benchmarks;

namespace SIaM.SelfImprovement.Synthetic;

/// <summary>
/// The nine families, three per tier. Seed (the seed set shows their programs): arithmetic chains, rates, unit
/// conversions. Answer-only (the pool holds their questions with answers, no programs): prices, comparisons,
/// money/time/length conversions. Unseen (in neither): ages, equal shares, distances. As in the paper, the new tiers
/// are new question distributions, not new arithmetic: their programs recombine the seed operations (+, −, ×, ÷,
/// ×100/×60/×1000) under sentence frames and wording the seed set never shows, so that a weak policy sampling k
/// programs sometimes hits a correct one.
/// </summary>
public static class Families
{
    private static readonly string[] EnNames = ["Tom", "Anna", "Li", "Sara", "Ben", "Mia"];
    private static readonly string[] ZhNames = ["小明", "小红", "小刚", "小丽", "小军", "小芳"];
    private static readonly (string En, string Zh)[] Things =
    [
        ("apples", "个苹果"),
        ("books", "本书"),
        ("pencils", "支铅笔"),
        ("stickers", "张贴纸"),
        ("marbles", "颗弹珠"),
    ];
    private static readonly (string En, string Zh)[] Goods = [("pens", "笔"), ("notebooks", "笔记本"), ("tickets", "票"), ("cakes", "蛋糕")];

    /// <summary>All families, by tier.</summary>
    public static IReadOnlyList<ProblemFamily> All { get; } =
    [
        new("chain", FamilyTier.Seed, Chain),
        new("rate", FamilyTier.Seed, Rate),
        new("units", FamilyTier.Seed, Units),
        new("price", FamilyTier.AnswerOnly, Price),
        new("compare", FamilyTier.AnswerOnly, Compare),
        new("convert", FamilyTier.AnswerOnly, Convert),
        new("age", FamilyTier.Unseen, Age),
        new("share", FamilyTier.Unseen, Share),
        new("distance", FamilyTier.Unseen, Distance),
    ];

    private static string Name(Random r, Language l) => l == Language.En ? EnNames[r.Next(EnNames.Length)] : ZhNames[r.Next(ZhNames.Length)];

    private static ProblemDraft Chain(Random r, Language l)
    {
        int a = r.Next(10, 60), b = r.Next(2, 30), c = r.Next(2, a);
        var (n, t) = (Name(r, l), Things[r.Next(Things.Length)]);
        return r.Next(3) switch
        {
            0 => new(0, l == Language.En
                    ? $"{n} has {a} {t.En} and gets {b} more. How many {t.En} does {n} have now?"
                    : $"{n}有{a}{t.Zh}，又得到{b}{t.Zh}。{n}现在有多少{t.Zh}？", [a, b], "a + b", (a + b).ToString()),
            1 => new(1, l == Language.En
                    ? $"{n} has {a} {t.En} and gives away {c}. How many {t.En} are left?"
                    : $"{n}有{a}{t.Zh}，送出{c}{t.Zh}。还剩多少{t.Zh}？", [a, c], "a - b", (a - c).ToString()),
            _ => new(2, l == Language.En
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
            0 => new(0, l == Language.En
                    ? $"A box holds {a} {t.En}. How many {t.En} are in {b} boxes?"
                    : $"每个盒子装{a}{t.Zh}。{b}个盒子一共装多少{t.Zh}？", [a, b], "a * b", (a * b).ToString()),
            _ => new(1, l == Language.En
                    ? $"{a * b} {t.En} are packed {a} to a box. How many boxes are filled?"
                    : $"{a * b}{t.Zh}每{a}个装一盒，可以装满多少盒？", [a * b, a], "a / b", b.ToString()),
        };
    }

    private static ProblemDraft Units(Random r, Language l)
    {
        var a = r.Next(2, 100);
        return r.Next(4) switch
        {
            0 => new(0, l == Language.En ? $"How many centimeters are in {a} meters?" : $"{a}米等于多少厘米？", [a], "a * 100", (a * 100).ToString()),
            1 => new(
                1,
                l == Language.En ? $"How many meters are in {a * 100} centimeters?" : $"{a * 100}厘米等于多少米？",
                [a * 100],
                "a / 100",
                a.ToString()),
            2 => new(2, l == Language.En ? $"How many minutes are in {a} hours?" : $"{a}小时等于多少分钟？", [a], "a * 60", (a * 60).ToString()),
            _ => new(3, l == Language.En ? $"How many grams are in {a} kilograms?" : $"{a}千克等于多少克？", [a], "a * 1000", (a * 1000).ToString()),
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
            0 => new(0, l == Language.En
                    ? $"A box of {g.En} sells for {a} dollars. How many dollars do {b} boxes sell for?"
                    : $"每盒{g.Zh}卖{a}元，{b}盒{g.Zh}一共卖多少元？", [a, b], "a * b", (a * b).ToString()),
            _ => new(1, l == Language.En
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
            0 => new(0, l == Language.En
                    ? $"{n} has {a} {t.En}. {m} has {b} more than {n}. How many {t.En} does {m} have?"
                    : $"{n}有{a}{t.Zh}，{m}比{n}多{b}{t.Zh}。{m}有多少{t.Zh}？", [a, b], "a + b", (a + b).ToString()),
            1 => new(1, l == Language.En
                    ? $"{n} has {a} {t.En}. {m} has {b} fewer than {n}. How many {t.En} does {m} have?"
                    : $"{n}有{a}{t.Zh}，{m}比{n}少{b}{t.Zh}。{m}有多少{t.Zh}？", [a, b], "a - b", (a - b).ToString()),
            _ => new(2, l == Language.En
                    ? $"{n} has {a} {t.En} and {m} has {b}. How many {t.En} do they have together?"
                    : $"{n}有{a}{t.Zh}，{m}有{b}{t.Zh}。他们一共有多少{t.Zh}？", [a, b], "a + b", (a + b).ToString()),
        };
    }

    private static ProblemDraft Convert(Random r, Language l)
    {
        var a = r.Next(2, 100);
        return r.Next(3) switch
        {
            0 => new(0, l == Language.En ? $"How many cents are in {a} dollars?" : $"{a}元等于多少分？", [a], "a * 100", (a * 100).ToString()),
            1 => new(1, l == Language.En ? $"How many seconds are in {a} minutes?" : $"{a}分钟等于多少秒？", [a], "a * 60", (a * 60).ToString()),
            _ => new(2, l == Language.En ? $"How many meters are in {a} kilometers?" : $"{a}千米等于多少米？", [a], "a * 1000", (a * 1000).ToString()),
        };
    }

    // Unseen families: frames and wording that neither the seed set nor the pool shows, over the same operations.
    private static ProblemDraft Age(Random r, Language l)
    {
        int a = r.Next(5, 60), b = r.Next(2, 30), c = r.Next(2, a);
        var (n, m) = (Name(r, l), Name(r, l));
        if (m == n) m = l == Language.En ? "Max" : "小华";
        return r.Next(3) switch
        {
            0 => new(0, l == Language.En
                    ? $"{n} is {a} years old. How old will {n} be in {b} years?"
                    : $"{n}今年{a}岁，{b}年后{n}多少岁？", [a, b], "a + b", (a + b).ToString()),
            1 => new(1, l == Language.En
                    ? $"{n} is {a} years old. How old was {n} {c} years ago?"
                    : $"{n}今年{a}岁，{c}年前{n}多少岁？", [a, c], "a - b", (a - c).ToString()),
            _ => new(2, l == Language.En
                    ? $"{n} is {a} years old and {m} is {b} years older. How old is {m}?"
                    : $"{n}今年{a}岁，{m}比{n}大{b}岁。{m}今年多少岁？", [a, b], "a + b", (a + b).ToString()),
        };
    }

    private static ProblemDraft Share(Random r, Language l)
    {
        int a = r.Next(2, 13), b = r.Next(2, 13);
        var (n, t) = (Name(r, l), Things[r.Next(Things.Length)]);
        return r.Next(2) switch
        {
            0 => new(0, l == Language.En
                    ? $"{n} shares {a * b} {t.En} equally among {a} friends. How many {t.En} does each friend get?"
                    : $"{n}把{a * b}{t.Zh}平均分给{a}个朋友，每个朋友分到多少{t.Zh}？", [a * b, a], "a / b", b.ToString()),
            _ => new(1, l == Language.En
                    ? $"Each of {b} friends gives {n} {a} {t.En}. How many {t.En} does {n} receive?"
                    : $"{b}个朋友每人送给{n}{a}{t.Zh}，{n}一共收到多少{t.Zh}？", [a, b], "a * b", (a * b).ToString()),
        };
    }

    private static ProblemDraft Distance(Random r, Language l)
    {
        int a = r.Next(2, 13), b = r.Next(2, 13);
        return r.Next(2) switch
        {
            0 => new(0, l == Language.En
                    ? $"A cyclist rides {a} kilometers every hour. How many kilometers does the cyclist ride in {b} hours?"
                    : $"骑车的人每小时骑{a}千米，{b}小时骑多少千米？", [a, b], "a * b", (a * b).ToString()),
            _ => new(1, l == Language.En
                    ? $"A walker covers {a * b} kilometers at {a} kilometers per hour. How many hours does the walk take?"
                    : $"一个人步行{a * b}千米，每小时走{a}千米，需要多少小时？", [a * b, a], "a / b", b.ToString()),
        };
    }
}
