using SIaM.Core.Benchmarks;
using SIaM.Data.Tests.Support;

namespace SIaM.Data.Tests.Catalog;

[TestFixture]
public sealed class MappingTests
{
    private static Problem Problem(string id, int index = 0) => LoadedData.Get(id).Problems[index];

    [Test]
    public void Gsm8k_reference_is_the_number_after_the_hashes_without_thousands_commas()
    {
        // Arrange
        var withComma = LoadedData.Get("gsm8k").Problems
            .First(p => System.Text.RegularExpressions.Regex.IsMatch(p.Solution!.Text, @"#### \d+,\d{3}"));

        // Act
        var first = Problem("gsm8k");

        // Assert
        Assert.That(first.Question, Does.StartWith("Janet\u2019s ducks lay 16 eggs per day."));
        Assert.That(first.Reference, Is.EqualTo("18"));
        Assert.That(first.AnswerKind, Is.EqualTo(AnswerKind.Number));
        Assert.That(first.Solution!.Kind, Is.EqualTo(ReferenceSolutionKind.CalculatorAnnotations));
        Assert.That(withComma.Reference, Does.Match(@"^\d{4,}$"));
    }

    [Test]
    public void Math_reference_is_the_boxed_content_of_the_solution()
    {
        // Arrange
        var id = "math";

        // Act
        var first = Problem(id);

        // Assert
        Assert.That(first.Question, Is.EqualTo("How many vertical asymptotes does the graph of $y=\\frac{2}{x^2+x-6}$ have?"));
        Assert.That(first.Reference, Is.EqualTo("2"));
        Assert.That(first.AnswerKind, Is.EqualTo(AnswerKind.Expression));
    }

    [Test]
    public void Minerva_reference_is_boxed_and_math500_uses_its_answer_field()
    {
        // Arrange / Act
        var minerva = Problem("minerva_math");
        var math500 = Problem("math500");

        // Assert
        Assert.That(minerva.Reference, Is.EqualTo("1.6"));
        Assert.That(math500.Reference, Is.EqualTo("\\left( 3, \\frac{\\pi}{2} \\right)"));
    }

    [Test]
    public void Svamp_question_joins_body_and_question_and_keeps_the_equation()
    {
        // Arrange / Act
        var first = Problem("svamp");

        // Assert
        Assert.That(first.Question, Does.StartWith("There are 87 oranges and 290 bananas").And.EndWith("93 groups How big is each group of bananas?"));
        Assert.That(first.Reference, Is.EqualTo("145"));
        Assert.That(first.Solution, Is.EqualTo(new ReferenceSolution(ReferenceSolutionKind.Equation, "( 290.0 / 2.0 )")));
    }

    [Test]
    public void Asdiv_reference_drops_the_unit()
    {
        // Arrange / Act
        var first = Problem("asdiv");

        // Assert
        Assert.That(first.Question, Is.EqualTo("Seven red apples and two green apples are in the basket. How many apples are in the basket?"));
        Assert.That(first.Reference, Is.EqualTo("9"));
    }

    [Test]
    public void Mmlu_index_becomes_a_letter_and_options_are_rendered()
    {
        // Arrange / Act
        var first = Problem("mmlu_stem");

        // Assert
        Assert.That(first.Reference, Is.EqualTo("C"));
        Assert.That(first.AnswerKind, Is.EqualTo(AnswerKind.Choice));
        Assert.That(first.Choices!.Keys, Is.EqualTo(new[] { "A", "B", "C", "D" }));
        Assert.That(first.Question,
            Does.Contain("\n(C) reduce the carrying capacity cif the environment to lower the K value\n(D) increase the mortality rate"));
    }

    [Test]
    public void Inline_option_strings_are_split_into_lettered_choices()
    {
        // Arrange / Act
        var sat = Problem("sat_math");
        var mathqa = Problem("mathqa");

        // Assert
        Assert.That(sat.Choices, Is.EqualTo(new Dictionary<string, string>
        { ["A"] = "$f(-6)=0$", ["B"] = "$f(6)=-6$", ["C"] = "$f(-6)=6$", ["D"] = "$f(0)=-6$" }));
        Assert.That(sat.Reference, Is.EqualTo("A"));
        Assert.That(mathqa.Choices, Is.EqualTo(new Dictionary<string, string>
        { ["A"] = "12", ["B"] = "16", ["C"] = "18", ["D"] = "24", ["E"] = "26" }));
        Assert.That(mathqa.Reference, Is.EqualTo("A"));
    }

    [Test]
    public void Prefixed_option_lists_lose_their_prefix()
    {
        // Arrange / Act
        var aqua = Problem("aqua");
        var agieval = Problem("agieval_sat_math");

        // Assert
        Assert.That(aqua.Choices!["A"], Is.EqualTo("5(\u221a3 + 1)"));
        Assert.That(aqua.Reference, Is.EqualTo("A"));
        Assert.That(agieval.Choices!["D"], Is.EqualTo("10"));
        Assert.That(agieval.Reference, Is.EqualTo("D"));
    }

    [Test]
    public void Tabmwp_question_renders_title_table_and_question_in_file_order()
    {
        // Arrange / Act
        var first = Problem("tabmwp");
        var second = Problem("tabmwp", 1);

        // Assert
        Assert.That(first.Question, Does.StartWith("Coin collections\nName | Number of coins\nBraden | 76"));
        Assert.That(first.Question, Does.EndWith("What is the mean of the numbers?"));
        Assert.That(first.Reference, Is.EqualTo("84"));
        Assert.That(second.Question, Does.Contain("Options: shortage, surplus"));
        Assert.That(second.Reference, Is.EqualTo("shortage"));
    }

    [Test]
    public void Olympiadbench_reference_is_the_final_answer_list()
    {
        // Arrange / Act
        var first = Problem("olympiadbench");

        // Assert
        Assert.That(first.AnswerKind, Is.EqualTo(AnswerKind.List));
        Assert.That(first.Reference, Is.EqualTo("2"));
    }

    [Test]
    public void Chinese_sets_map_their_own_fields()
    {
        // Arrange / Act
        var cmath = Problem("cmath");
        var mgsm = Problem("mgsm_zh");
        var ape = Problem("ape210k");
        var math23k = Problem("math23k");

        // Assert
        Assert.That(cmath.Question, Is.EqualTo("芳芳买了一本书有99页，看了90页，她还剩多少页没有看？"));
        Assert.That(cmath.Reference, Is.EqualTo("9"));
        Assert.That(mgsm.Reference, Is.EqualTo("18"));
        Assert.That(mgsm.Question, Does.StartWith("珍妮特的鸭子每天下 16 颗蛋。"));
        Assert.That(ape.Question, Is.EqualTo("2.75-1(5/6)+3(1/4)-2(1/6)．"));
        Assert.That(ape.Reference, Is.EqualTo("2"));
        Assert.That(math23k.Reference, Is.EqualTo("880"));
        Assert.That(math23k.Solution!.Text, Is.EqualTo("x=44*20"));
    }

    [Test]
    public void Gaokao_sets_give_choice_letters_blanks_and_multi_blanks()
    {
        // Arrange / Act
        var multi = Problem("gaokao2024_I", 8);
        var blanks = Problem("gaokao2024_II", 13);
        var cloze = Problem("gaokao_math_cloze", 1);
        var mixChoice = Problem("gaokao2024_mix");
        var mixOpen = Problem("gaokao2024_mix", 10);
        var qa = LoadedData.Get("gaokao_math_qa").Problems.First(p => p.Reference.Length == 3);

        // Assert
        Assert.That((multi.Reference, multi.AnswerKind), Is.EqualTo(("BC", AnswerKind.Choice)));
        Assert.That((blanks.Reference, blanks.AnswerKind), Is.EqualTo(("24;112", AnswerKind.MultiBlank)));
        Assert.That((cloze.Reference, cloze.AnswerKind), Is.EqualTo(("5;10", AnswerKind.MultiBlank)));
        Assert.That((mixChoice.Reference, mixChoice.AnswerKind), Is.EqualTo(("C", AnswerKind.Choice)));
        Assert.That((mixOpen.Reference, mixOpen.AnswerKind), Is.EqualTo(("(4,0)", AnswerKind.Expression)));
        Assert.That(qa.Reference, Does.Match("^[A-D]{3}$"));
    }

    [Test]
    public void Ape210k_answers_stored_as_arithmetic_are_evaluated_exactly()
    {
        // Arrange
        var answers = new[] { "(3/5)", "2(1/3)", "(45+39)/(45-39)", "(1-(1/4))/((1/8)+(1/10))", "25%", "0.254+0.63" };

        // Act
        var canonical = answers.Select(SIaM.Data.Catalog.Chinese.Ape210kAnswer);

        // Assert
        Assert.That(canonical, Is.EqualTo(new[] { "3/5", "7/3", "14", "10/3", "25%", "0.884" }));
    }

    [Test]
    public void Aime_and_amc_references_are_canonical_integers()
    {
        // Arrange / Act
        var aime = LoadedData.Get("aime24").Problems;
        var amc = Problem("amc23");

        // Assert
        Assert.That(aime.Select(p => p.Reference), Has.Member("25").And.No.Member("025"));
        Assert.That(amc.Reference, Is.EqualTo("27"));
    }

    [TestCase("mmlu_stem", 4, 4)]
    [TestCase("sat_math", 4, 4)]
    [TestCase("agieval_sat_math", 4, 5)]
    [TestCase("aqua", 5, 5)]
    [TestCase("mathqa", 4, 5)]
    [TestCase("gaokao_math_qa", 4, 4)]
    public void Multiple_choice_problems_have_lettered_non_empty_options(string id, int fewest, int most)
    {
        // Arrange
        var problems = LoadedData.Get(id).Problems;

        // Act
        var counts = problems.Select(p => p.Choices!.Count).Distinct().ToList();
        var empty = problems.Where(p => p.Choices!.Values.Any(string.IsNullOrWhiteSpace)).Select(p => p.Id).ToList();

        // Assert
        Assert.That(counts, Has.All.InRange(fewest, most));
        Assert.That(empty, Is.Empty);
        Assert.That(problems, Has.All.Matches<Problem>(p => p != null && p.Reference.All(c => p.Choices!.ContainsKey(c.ToString()))));
    }
}
