using SIaM.Core.SelfImprovement;
using SIaM.SelfImprovement;
using SIaM.SelfImprovement.Contamination;

namespace SIaM.Training.Tests.Improvement;

public sealed class ContaminationTests
{
    private static readonly ContaminationIndex Index = new(
    [
        new EvalItem("en-seed", "e1", "Tom has 12 apples and gets 5 more. How many apples does Tom have now?", "a = 12\nb = 5\nprint(a + b)\n"),
        new EvalItem("zh-unseen", "e2", "小明把36颗弹珠平均分给4个朋友，每个朋友分到多少颗弹珠？", null),
        new EvalItem("en-answer-only", "e3", "Anna has 20 books. Sara has 3 more than Anna. How many books does Sara have in the school library today?", null),
    ]);

    [Test]
    public void The_same_program_with_other_blank_lines_and_fences_is_an_exact_program_overlap()
    {
        // Act
        var found = Index.Check(new TrainingItem(
            "t1",
            "Mia has 12 pencils and gets 5 more. How many pencils now?",
            "```python\na = 12\n\nb = 5   \nprint(a + b)\n```"));

        // Assert
        Assert.That(found.Select(o => (o.Kind, o.EvalId)), Is.EqualTo(new[] { ("program", "e1") }));
    }

    [Test]
    public void The_same_question_in_other_case_spacing_and_punctuation_is_a_question_overlap()
    {
        // Act
        var found = Index.Check(new TrainingItem("t2", "tom has 12 apples, and gets 5 more -- how many apples does tom have now", "print(17)"));

        // Assert
        Assert.That(found.Select(o => o.Kind), Does.Contain("question"));
        Assert.That(found.Select(o => o.EvalId).Distinct(), Is.EqualTo(new[] { "e1" }));
    }

    [Test]
    public void Thirteen_chinese_characters_in_a_row_are_a_13_gram_overlap_and_shorter_shared_runs_are_not()
    {
        // Arrange: each Chinese character is a token; the first shares 22 tokens in a row with e2, the second at most 9
        var thirteen = new TrainingItem("t3", "小红把40颗弹珠平均分给4个朋友，每个朋友分到多少颗弹珠？", "print(10)");
        var twelve = new TrainingItem("t4", "小红把40颗糖平均送给4个同学，每个朋友分到多少颗糖？", "print(10)");

        // Act
        var hit = Index.Check(thirteen);
        var miss = Index.Check(twelve);

        // Assert
        Assert.That(hit.Select(o => (o.Kind, o.EvalId)), Is.EqualTo(new[] { ("13-gram", "e2") }));
        Assert.That(miss, Is.Empty);
    }

    [Test]
    public void The_same_frame_with_other_numbers_and_names_is_no_overlap()
    {
        // Act
        var found = Index.Check(new TrainingItem(
            "t5",
            "Ben has 30 books. Li has 7 more than Ben. How many books does Li have in the school library today?",
            "print(37)"));

        // Assert
        Assert.That(found, Is.Empty);
    }

    [Test]
    public void The_loop_refuses_every_training_example_that_overlaps_and_counts_it()
    {
        // Arrange: one clean SFT target, one whose program is an evaluation item's, and a seed program that is too
        var evaluation = new Dictionary<string, IReadOnlyList<LoopQuestion>>
        {
            ["en-seed"] =
            [
                new LoopQuestion("e1", "Tom has 12 apples and gets 5 more. How many apples does Tom have now?", "17", "a = 12\nb = 5\nprint(a + b)\n"),
            ],
        };
        var pool = new Dictionary<string, LoopQuestion>
        {
            ["p1"] = new("p1", "A box holds 3 pens. How many pens are in 4 boxes?", "12"),
            ["p2"] = new("p2", "Sara has 12 marbles and finds 5 more. How many marbles now?", "17"),
        };
        CandidateProgram Target(string id, string completion) => new(id, 0, completion, completion, SIaM.Core.Sandbox.ExecStatus.Ok, "", true, 9);
        var sft = new[] { Target("p1", "a = 3\nb = 4\nprint(a * b)\n"), Target("p2", "a = 12\nb = 5\nprint(a + b)\n") };
        (LoopQuestion, string)[] seed =
        [
            (new LoopQuestion("s1", "Li has 12 stickers and gets 5 more. How many stickers does Li have?", "17"), "a = 12\nb = 5\nprint(a + b)\n"),
            (new LoopQuestion("s2", "How many grams are in 3 kilograms?", "3000"), "a = 3\nprint(a * 1000)\n"),
        ];

        // Act
        var screened = new LoopContamination(evaluation).Screen(sft, [], seed, pool);

        // Assert
        Assert.That(screened.Sft.Select(c => c.QuestionId), Is.EqualTo(new[] { "p1" }));
        Assert.That(screened.Seed, Is.EqualTo(new[] { 1 }));
        Assert.That((screened.Report.Examples, screened.Report.Overlapping), Is.EqualTo((4, 2)));
        Assert.That(screened.Report.Render(), Does.Contain("| en-seed | 1 | 2 | 0 | 0 | 2 |"));
    }
}
