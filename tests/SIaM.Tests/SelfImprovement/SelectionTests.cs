using SIaM.Core.Sandbox;
using SIaM.Core.SelfImprovement;

namespace SIaM.Tests.SelfImprovement;

public sealed class SelectionTests
{
    private static CandidateProgram C(
        string q,
        int i,
        string program,
        bool accepted,
        ExecStatus? status = ExecStatus.Ok,
        string output = "5",
        int tokens = 10) =>
        new(q, i, program, program, status, output, accepted, tokens);

    [Test]
    public void Sft_targets_are_accepted_clean_distinct_non_empty_and_within_the_length_cap()
    {
        // Arrange
        var candidates = new[]
        {
            C("q1", 0, "print(2 + 3)", accepted: true),
            C("q1", 1, "print(2+3)", accepted: true),                            // duplicate up to whitespace
            C("q1", 2, "print(3 + 2)", accepted: true),
            C("q1", 3, "print(5)", accepted: true, status: ExecStatus.Timeout),  // timed out
            C("q1", 4, "print('')", accepted: true, output: "  "),               // printed nothing
            C("q1", 5, "print(1 + 4)", accepted: true, tokens: 300),             // too long
            C("q1", 6, "print(2 * 3)", accepted: false, output: "6"),
            C("q2", 0, "print(2 + 3)", accepted: true),                          // same program, other question
        };

        // Act
        var selected = SftTargetSelector.Select(candidates, new SelectionLimits(MaxCompletionTokens: 256));

        // Assert
        Assert.That(selected.Select(c => (c.QuestionId, c.SampleIndex)), Is.EqualTo(new[] { ("q1", 0), ("q1", 2), ("q2", 0) }));
    }

    [Test]
    public void Sft_targets_are_capped_per_question()
    {
        // Arrange
        var candidates = Enumerable.Range(0, 6).Select(i => C("q", i, $"print({i} + 5 - {i})", accepted: true));

        // Act
        var selected = SftTargetSelector.Select(candidates, new SelectionLimits(MaxSftPerQuestion: 2));

        // Assert
        Assert.That(selected.Select(c => c.SampleIndex), Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void Pairs_join_accepted_and_rejected_samples_of_one_question_capped_and_never_across_questions()
    {
        // Arrange
        var candidates = new[]
        {
            C("q1", 0, "print(2 + 3)", accepted: true),
            C("q1", 1, "print(2 * 3)", accepted: false, output: "6"),
            C("q1", 2, "print(2 - 3)", accepted: false, output: "-1"),
            C("q1", 3, "print(2 - 3)", accepted: false, output: "-1"),           // duplicate rejected
            C("q1", 4, "print(3 + 2)", accepted: true),
            C("q1", 5, "x = ", accepted: false, status: ExecStatus.Error, output: ""),
            C("q2", 0, "print(1)", accepted: false, output: "1"),                // nothing accepted: no pairs
            C("q3", 0, "print(7)", accepted: true, output: "7"),                 // nothing rejected: no pairs
        };

        // Act
        var pairs = PreferencePairSelector.Build(candidates, new SelectionLimits(MaxPairsPerQuestion: 2));

        // Assert
        Assert.That(pairs.Select(p => (p.QuestionId, p.Chosen.SampleIndex, p.Rejected.SampleIndex)),
            Is.EqualTo(new[] { ("q1", 0, 1), ("q1", 4, 2) }));
    }

    [TestCase("5\n", "5", true)]
    [TestCase("debug\n5.0000000001\n", "5", true)]
    [TestCase("1,200\n", "1200", true)]
    [TestCase("6\n", "5", false)]
    [TestCase("", "5", false)]
    [TestCase("abc\n", "5", false)]
    public void The_rule_filter_compares_the_last_printed_line_with_the_reference(string stdout, string reference, bool accepted)
    {
        // Arrange
        var execution = new ExecResult(ExecStatus.Ok, 0, stdout, "", 1, false);

        // Act
        var verdict = RuleFilter.Accepts(reference, execution);

        // Assert
        Assert.That(verdict, Is.EqualTo(accepted));
    }

    [Test]
    public void The_rule_filter_rejects_a_right_answer_from_a_program_that_failed()
    {
        // Arrange
        var execution = new ExecResult(ExecStatus.Timeout, null, "5\n", "", 1, false);

        // Act + Assert
        Assert.That(RuleFilter.Accepts("5", execution), Is.False);
    }
}
