using SIaM.Core.Benchmarks;

namespace SIaM.Core.Prompts;

/// <summary>
/// The prompt wordings, one per style and language. Changing any text here changes its template hash, which every
/// run records; bump the benchmark versions when the change is meant to move scores.
/// </summary>
public static class PromptTemplates
{
    /// <summary>Every template, keyed by <see cref="PromptTemplate.Key"/>.</summary>
    public static IReadOnlyDictionary<string, PromptTemplate> All { get; } = new[]
    {
        new PromptTemplate(PromptStyle.Pot, Language.En,
            "You are a helpful assistant that solves math problems by writing Python code.",
            "Solve the following problem by writing a single Python program in a ```python block. The program must print only the final answer.",
            [new("Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. " +
                "How many clips did Natalia sell altogether in April and May?",
                "```python\napril = 48\nmay = april // 2\nprint(april + may)\n```"),
             new("What is the sum of all real solutions of $x^2 - 5x + 6 = 0$?",
                "```python\nfrom sympy import symbols, solve\nx = symbols('x')\nprint(sum(solve(x**2 - 5*x + 6, x)))\n```")]),
        new PromptTemplate(PromptStyle.Pot, Language.Zh,
            "你是一个通过编写 Python 代码来解决数学问题的助手。",
            "请编写一个 Python 程序（放在 ```python 代码块中）来解决下面的问题。程序只打印最终答案。",
            [new("小明有 12 个苹果，吃掉了 3 个，又买了 5 个。小明现在有多少个苹果？",
                "```python\napples = 12 - 3 + 5\nprint(apples)\n```"),
             new("一个长方形的长是 8 厘米，宽是长的一半，它的面积是多少平方厘米？",
                "```python\nlength = 8\nwidth = length / 2\nprint(int(length * width))\n```")]),
        new PromptTemplate(PromptStyle.Tir, Language.En,
            "You are a helpful assistant that solves math problems by reasoning step by step and running Python code.",
            "Solve the following problem. Interleave reasoning with ```python blocks; " +
                "each block's result will be shown in an ```output block. Put the final answer in \\boxed{}.",
            [new("What is the sum of all real solutions of $x^2 - 5x + 6 = 0$?",
                "Let me solve the quadratic with sympy.\n" +
                    "```python\nfrom sympy import symbols, solve\nx = symbols('x')\nprint(sum(solve(x**2 - 5*x + 6, x)))\n```\n" +
                    "```output\n5\n```\nThe sum of the solutions is $\\boxed{5}$."),
             new("Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. " +
                "How many clips did Natalia sell altogether in April and May?",
                "She sold 48 in April and half as many in May.\n```python\nprint(48 + 48 // 2)\n```\n" +
                    "```output\n72\n```\nAltogether she sold $\\boxed{72}$ clips.")]),
        new PromptTemplate(PromptStyle.Tir, Language.Zh,
            "你是一个通过逐步推理并运行 Python 代码来解决数学问题的助手。",
            "请解决下面的问题。推理与 ```python 代码块交替进行，每个代码块的运行结果会显示在 ```output 代码块中。把最终答案写在 \\boxed{} 中。",
            [new("小明有 12 个苹果，吃掉了 3 个，又买了 5 个。小明现在有多少个苹果？",
                "先算剩下的，再加上买的。\n```python\nprint(12 - 3 + 5)\n```\n```output\n14\n```\n所以小明现在有 $\\boxed{14}$ 个苹果。"),
             new("一个长方形的长是 8 厘米，宽是长的一半，它的面积是多少平方厘米？",
                "宽是 4 厘米。\n```python\nprint(8 * 4)\n```\n```output\n32\n```\n面积是 $\\boxed{32}$ 平方厘米。")]),
        new PromptTemplate(PromptStyle.Cot, Language.En,
            "You are a helpful assistant that solves math problems step by step.",
            "Solve the following problem step by step. Put the final answer in \\boxed{}.",
            [new("Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. " +
                "How many clips did Natalia sell altogether in April and May?",
                "In May she sold 48 / 2 = 24 clips. Altogether she sold 48 + 24 = 72 clips. The answer is $\\boxed{72}$."),
             new("What is the sum of all real solutions of $x^2 - 5x + 6 = 0$?",
                "By Vieta's formulas the sum of the roots is 5. The answer is $\\boxed{5}$.")]),
        new PromptTemplate(PromptStyle.Cot, Language.Zh,
            "你是一个逐步解决数学问题的助手。",
            "请逐步解决下面的问题，并把最终答案写在 \\boxed{} 中。",
            [new("小明有 12 个苹果，吃掉了 3 个，又买了 5 个。小明现在有多少个苹果？",
                "12 - 3 = 9，9 + 5 = 14。答案是 $\\boxed{14}$。"),
             new("一个长方形的长是 8 厘米，宽是长的一半，它的面积是多少平方厘米？",
                "宽是 8 ÷ 2 = 4 厘米，面积是 8 × 4 = 32 平方厘米。答案是 $\\boxed{32}$。")]),
        new PromptTemplate(PromptStyle.Bare, Language.En, "", "", []),
        new PromptTemplate(PromptStyle.Bare, Language.Zh, "", "", []),
    }.ToDictionary(t => t.Key);

    /// <summary>The template for a style and language.</summary>
    public static PromptTemplate For(PromptStyle style, Language language) =>
        All[$"{style.ToString().ToLowerInvariant()}/{language.ToString().ToLowerInvariant()}"];
}
