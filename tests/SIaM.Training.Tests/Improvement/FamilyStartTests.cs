using SIaM.Core.Sandbox;
using SIaM.SelfImprovement;

namespace SIaM.Training.Tests.Improvement;

public sealed class FamilyStartTests
{
    private static readonly Dictionary<string, QuestionFamily> Families = new()
    {
        ["en-id/rate-en-1"] = new("rate", "en", false, "seed"),
        ["en-ood/price-en-2"] = new("price", "en", true, "answer-only"),
        ["en-ood/price-en-3"] = new("price", "en", true, "answer-only"),
        ["zh-ood/price-zh-4"] = new("price", "zh", true, "answer-only"),
        ["pool/rate-en-5"] = new("rate", "en", false, "seed"),
        ["pool/price-en-6"] = new("price", "en", true, "answer-only"),
        ["pool/price-en-7"] = new("price", "en", true, "answer-only"),
        ["pool/price-zh-8"] = new("price", "zh", true, "answer-only"),
    };

    private static EvalRecord Answer(string id, bool correct) => new(id.Split('/')[0], id, "", 5, "", correct);

    private static LoopVerdict Verdict(string id, int index, bool accepted) =>
        new(id, index, "print(1)", ExecStatus.Ok, "1", new Dictionary<string, bool> { ["rule"] = accepted, ["critic"] = !accepted });

    private static readonly EvalRecord[] Eval0 =
    [
        Answer("en-id/rate-en-1", true),
        Answer("en-ood/price-en-2", true),
        Answer("en-ood/price-en-3", false),
        Answer("zh-ood/price-zh-4", false),
    ];

    private static readonly LoopVerdict[] Verdicts1 =
    [
        Verdict("pool/rate-en-5", 0, true), Verdict("pool/rate-en-5", 1, false),
        Verdict("pool/price-en-6", 0, false), Verdict("pool/price-en-6", 1, true),
        Verdict("pool/price-en-7", 0, false), Verdict("pool/price-en-7", 1, false),
        Verdict("pool/price-zh-8", 0, false), Verdict("pool/price-zh-8", 1, false),
    ];

    [Test]
    public void Family_scores_count_greedy_answers_and_pool_questions_with_an_accepted_sample_per_family_and_language()
    {
        // Act
        var scores = FamilyScores.Of(Families, Eval0, Verdicts1, "rule");

        // Assert
        Assert.That(scores, Is.EqualTo(new[]
        {
            new FamilyScore("rate", "en", false, 1, 1, 1, 1, "seed"),
            new FamilyScore("price", "en", true, 2, 1, 2, 1, "answer-only"),
            new FamilyScore("price", "zh", true, 1, 0, 1, 0, "answer-only"),
        }));
    }

    [Test]
    public void Pool_questions_are_judged_by_the_filter_that_selects_data_and_are_null_at_iteration_0()
    {
        // Act
        var byCritic = FamilyScores.Of(Families, Eval0, Verdicts1, "critic");
        var iteration0 = FamilyScores.Of(Families, Eval0, null, "rule");

        // Assert
        Assert.That(byCritic.Single(f => f is { Family: "price", Language: "zh" }).PoolSolved, Is.EqualTo(1));
        Assert.That(iteration0.Select(f => f.PoolQuestions), Is.All.Null);
    }

    [Test]
    public void The_start_lists_only_new_families_and_flags_with_a_warning_those_whose_pool_no_sample_solved()
    {
        // Arrange
        var iteration0 = FamilyScores.Of(Families, Eval0, null, "rule");
        var iteration1 = FamilyScores.Of(Families, Eval0, Verdicts1, "rule");

        // Act
        var start = FamilyStart.Of(iteration0, iteration1, k: 2);

        // Assert
        Assert.That(start, Is.EqualTo(new[] { new FamilyStart("price", "en", 1, 2, 1, 2, 2), new FamilyStart("price", "zh", 0, 1, 0, 1, 2) }));
        Assert.That(start.Where(s => s.AtZero).Select(s => s.Warning()), Is.EqualTo(new[]
        {
            "WARNING: new family 'price' (zh) starts at zero: 0/1 pool questions solved by k = 2 samples in iteration 1 " +
            "(greedy 0/1 at iteration 0); the loop has nothing to accept for it",
        }));
    }

    [Test]
    public void The_family_table_prints_the_start_line_and_a_warning_per_family_at_zero()
    {
        // Arrange
        var scores0 = FamilyScores.Of(Families, Eval0, null, "rule");
        var scores1 = FamilyScores.Of(Families, Eval0, Verdicts1, "rule");
        var empty = new Dictionary<string, SuiteScore>();
        IterationSummary[] rows =
        [
            new(0, "sft", null, null, null, empty, 5, scores0),
            new(1, "sft", null, 0.1, 10, empty, 5, scores1, FamilyStart.Of(scores0, scores1, 2)),
        ];

        // Act
        var text = FamilyTable.Render(rows);

        // Assert
        Assert.That(text, Does.Contain("| en-answer-only | price | 2 | 50.0 % | 50.0 % | 1/2 |"));
        Assert.That(text, Does.Contain("price-en 1/2 (1/2), price-zh 0/1 (0/1)"));
        Assert.That(text, Does.Contain("WARNING: new family 'price' (zh) starts at zero"));
        Assert.That(text, Does.Not.Contain("WARNING: new family 'price' (en)"));
    }
}
