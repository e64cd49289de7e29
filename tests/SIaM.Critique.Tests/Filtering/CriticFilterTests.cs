using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Core.SelfImprovement;
using SIaM.Critique.Critics;
using SIaM.Critique.Filtering;
using SIaM.Testing;

namespace SIaM.Critique.Tests.Filtering;

public sealed class CriticFilterTests
{
    private static ExecResult Ran(string stdout, ExecStatus status = ExecStatus.Ok, bool truncated = false) =>
        new(status, status == ExecStatus.Ok ? 0 : 1, stdout, status == ExecStatus.Ok ? "" : "Traceback\nZeroDivisionError: division by zero\n", 5, truncated);

    private static readonly ProgramCase Right = new("Tom has 3 boxes of 4 apples. How many apples?", "12", "print(3 * 4)", Ran("12 apples\n"));
    private static readonly ProgramCase Wrong = new("Tom has 3 boxes of 4 apples. How many apples?", "12", "print(3 + 4)", Ran("7\n"));
    private static readonly ProgramCase Chinese = new("小明有3盒苹果，每盒4个。一共有多少个苹果？", "12", "print(3 * 4)", Ran("12个苹果\n"));

    private static ReplayCritic Recording(TempDirectory temp, params (ProgramCase Case, double PYes)[] verdicts)
    {
        var file = temp.File("critic.jsonl");
        File.WriteAllLines(file, verdicts.Select(v =>
            new JsonObject { ["id"] = CriticFilter.KeyOf(v.Case), ["sample"] = 0, ["p_yes"] = v.PYes }.ToJsonString()));
        return ReplayCritic.Load(file);
    }

    [Test]
    public async Task Accepts_a_program_when_the_critic_says_yes_and_rejects_one_when_it_says_no()
    {
        // Arrange
        using var temp = new TempDirectory();
        var filter = new CriticFilter(Recording(temp, (Right, 0.93), (Wrong, 0.08)));

        // Act
        var right = await filter.AcceptsAsync(Right.Question, Right.Reference, Right.Program, Right.Execution, CancellationToken.None);
        var wrong = await filter.AcceptsAsync(Wrong.Question, Wrong.Reference, Wrong.Program, Wrong.Execution, CancellationToken.None);

        // Assert
        Assert.That((right, wrong), Is.EqualTo((true, false)));
        Assert.That(filter.Cached(Right)!.PYes, Is.EqualTo(0.93));
        Assert.That(filter.Name, Is.EqualTo("critic"));
    }

    [Test]
    public async Task Marks_programs_without_an_answer_invalid_without_asking_the_critic()
    {
        // Arrange
        using var temp = new TempDirectory();
        var critic = Recording(temp);
        var filter = new CriticFilter(critic);
        ProgramCase[] cases =
        [
            Right with { Execution = Ran("") },
            Right with { Execution = Ran("", ExecStatus.Error) },
            Right with { Execution = Ran("", ExecStatus.Timeout) },
            Right with { Execution = Ran("12\n", truncated: true) },
            Right with { Execution = Ran(string.Concat(Enumerable.Repeat("12\n", 100))) },
        ];

        // Act
        var verdicts = await filter.JudgeAsync(cases, CancellationToken.None);

        // Assert
        Assert.That(verdicts.Select(v => v.Outcome), Is.All.EqualTo(CriticOutcome.Invalid));
        Assert.That(verdicts.Select(v => v.Reason),
            Is.EqualTo(new[] { "empty output", "no output (error)", "timeout", "truncated output", "repetition-loop output (period 3)" }));
        Assert.That(verdicts.Select(v => v.Accepted), Is.All.False);
        Assert.That(critic.Asked, Is.Empty);
    }

    [Test]
    public async Task Asks_the_critic_once_per_question_program_and_output_and_answers_later_calls_from_the_cache()
    {
        // Arrange
        using var temp = new TempDirectory();
        var critic = Recording(temp, (Right, 0.9), (Wrong, 0.1), (Chinese, 0.7));
        var filter = new CriticFilter(critic, batchSize: 2);

        // Act
        await filter.PrepareAsync([Right, Wrong, Right, Chinese, Wrong], CancellationToken.None);
        var again = await filter.AcceptsAsync(Chinese.Question, Chinese.Reference, Chinese.Program, Chinese.Execution, CancellationToken.None);

        // Assert
        Assert.That(critic.Asked.Select(a => a.Id), Is.EqualTo(new[] { CriticFilter.KeyOf(Right), CriticFilter.KeyOf(Wrong), CriticFilter.KeyOf(Chinese) }));
        Assert.That(filter.Asked, Is.EqualTo(3));
        Assert.That(again, Is.True);
    }

    [Test]
    public async Task The_same_program_and_output_against_another_reference_is_a_new_case_not_a_cache_hit()
    {
        // Arrange: one question, program and output; only the reference answer differs
        using var temp = new TempDirectory();
        var otherReference = Right with { Reference = "13" };
        var critic = Recording(temp, (Right, 0.9), (otherReference, 0.1));
        var filter = new CriticFilter(critic);

        // Act
        var right = await filter.AcceptsAsync(Right.Question, Right.Reference, Right.Program, Right.Execution, CancellationToken.None);
        var other = await filter.AcceptsAsync(
            otherReference.Question, otherReference.Reference, otherReference.Program, otherReference.Execution, CancellationToken.None);

        // Assert
        Assert.That(CriticFilter.KeyOf(otherReference), Is.Not.EqualTo(CriticFilter.KeyOf(Right)));
        Assert.That((right, other), Is.EqualTo((true, false)));
        Assert.That(filter.Asked, Is.EqualTo(2));
    }

    [Test]
    public async Task Rejects_a_program_the_critic_gives_no_verdict_on_and_records_it_as_unparseable()
    {
        // Arrange
        using var temp = new TempDirectory();
        var filter = new CriticFilter(Recording(temp, (Right, 0.9)));

        // Act
        var verdict = (await filter.JudgeAsync([Wrong], CancellationToken.None))[0];

        // Assert
        Assert.That((verdict.Outcome, verdict.Accepted), Is.EqualTo((CriticOutcome.Unparseable, false)));
    }

    [Test]
    public async Task A_new_filter_over_the_same_cache_file_asks_nothing_again_and_drops_a_line_cut_by_an_interruption()
    {
        // Arrange
        using var temp = new TempDirectory();
        var cache = temp.File("verdicts.jsonl");
        await new CriticFilter(Recording(temp, (Right, 0.9), (Wrong, 0.2)), cache).PrepareAsync([Right, Wrong], CancellationToken.None);
        File.AppendAllText(cache, "{\"key\": \"abc\", \"outc");
        var critic = Recording(temp, (Right, 0.9), (Wrong, 0.2));

        // Act
        var filter = new CriticFilter(critic, cache);
        var verdicts = await filter.JudgeAsync([Right, Wrong], CancellationToken.None);

        // Assert
        Assert.That(verdicts.Select(v => (v.Outcome, v.PYes)), Is.EqualTo(new[] { (CriticOutcome.Yes, (double?)0.9), (CriticOutcome.No, (double?)0.2) }));
        Assert.That(critic.Asked, Is.Empty);
    }

    [Test]
    public void Names_the_file_and_line_of_a_corrupt_cache_line()
    {
        // Arrange
        using var temp = new TempDirectory();
        var cache = temp.File("verdicts.jsonl");
        File.WriteAllLines(cache,
        [
            "{\"key\": \"a\", \"outcome\": \"yes\", \"p_yes\": 0.9, \"raw\": \"\", \"reason\": null}",
            "{\"key\": \"b\", \"outcome\": \"perhaps\"}",
            "{}",
        ]);

        // Act
        var error = Assert.Throws<InputException>(() => _ = new CriticFilter(Recording(temp), cache));

        // Assert
        Assert.That(error!.Message, Does.StartWith($"{cache}:2: not a critic verdict"));
    }

    [Test]
    public void Asks_in_the_question_language()
    {
        // Act
        var english = CriticFilter.ToCritiqueCase("k", Right);
        var chinese = CriticFilter.ToCritiqueCase("k", Chinese);

        // Assert
        Assert.That((english.Language, chinese.Language), Is.EqualTo((Core.Benchmarks.Language.En, Core.Benchmarks.Language.Zh)));
        Assert.That(chinese.Output, Is.EqualTo("12个苹果"));
    }
}
