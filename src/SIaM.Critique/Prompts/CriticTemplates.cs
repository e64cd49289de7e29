using SIaM.Core.Benchmarks;

namespace SIaM.Critique.Prompts;

/// <summary>The critic prompts, English and Chinese. Any wording change changes <see cref="CriticTemplate.Hash"/>.</summary>
public static class CriticTemplates
{
    private static CritiqueCase Example(Language language, string question, string reference, string code, string output) =>
        new("example", 0, "example", language, question, reference, code, output, output.Trim(), "");

    /// <summary>English.</summary>
    public static CriticTemplate En { get; } = new(
        Language.En,
        "You are a careful math teacher. You check whether the result of a student's program answers a question the same way as the reference answer.",
        "Decide whether the result of the program is consistent with the reference answer. " +
            "Equivalent forms count as consistent (0.5 and 1/2, 50% and 0.5 when the question asks for a fraction, units written or omitted).",
        new CriticLabels("Question", "Reference answer", "Program", "Execution output", "Final answer"),
        "Is the result consistent with the reference answer? Answer YES or NO.",
        "Answer:",
        [
            new(Example(Language.En, "Tom has 3 boxes of 12 pencils. How many pencils does he have?", "36",
                "print(3 * 12)", "36\n"), "YES"),
            new(Example(Language.En, "What is half of 7?", "\\frac{7}{2}", "print(7 // 2)", "3\n"), "NO"),
        ]);

    /// <summary>Chinese.</summary>
    public static CriticTemplate Zh { get; } = new(
        Language.Zh,
        "你是一位认真的数学老师，负责检查学生程序的结果是否与参考答案一致。",
        "请判断程序的运行结果是否与参考答案一致。等价的形式也算一致（例如 0.5 与 1/2，带或不带单位）。",
        new CriticLabels("题目", "参考答案", "程序", "运行结果", "最终答案"),
        "结果与参考答案一致吗？请回答 YES 或 NO。",
        "回答：",
        [
            new(Example(Language.Zh, "小明有 3 盒铅笔，每盒 12 支，一共有多少支？", "36", "print(3 * 12)", "36\n"), "YES"),
            new(Example(Language.Zh, "7 的一半是多少？", "3.5", "print(7 // 2)", "3\n"), "NO"),
        ]);

    /// <summary>The template for <paramref name="language"/>.</summary>
    public static CriticTemplate For(Language language) => language == Language.Zh ? Zh : En;

    /// <summary>Every template, for identities.</summary>
    public static IReadOnlyList<CriticTemplate> All { get; } = [En, Zh];
}
