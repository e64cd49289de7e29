using SIaM.Core.Scoring;
using Ballot = SIaM.Core.Scoring.MajorityVote.Ballot;

namespace SIaM.Tests.Scoring;

public sealed class MajorityVoteTests
{
    private static bool Exact(string a, string b) => a == b;

    [Test]
    public void The_most_frequent_answer_wins_even_when_it_is_wrong()
    {
        Ballot[] ballots = [new("2", true), new("3", false), new("3", false)];

        Assert.That(MajorityVote.Winner(ballots, Exact), Is.EqualTo(1));
        Assert.That(MajorityVote.IsCorrect(ballots, Exact), Is.False);
    }

    [Test]
    public void A_tie_goes_to_the_group_whose_answer_came_first()
    {
        Ballot[] ballots = [new("7", false), new("5", true), new("5", true), new("7", false)];

        Assert.That(MajorityVote.Winner(ballots, Exact), Is.EqualTo(0));
        Assert.That(MajorityVote.IsCorrect(ballots, Exact), Is.False);
    }

    [Test]
    public void Answers_are_grouped_by_the_given_equivalence_not_by_spelling()
    {
        // Arrange: 0.5 and 1/2 are the same answer to the grader
        static bool Equivalent(string a, string b) => (a, b) is ("0.5", "1/2") or ("1/2", "0.5");
        Ballot[] ballots = [new("3", false), new("0.5", true), new("1/2", true)];

        // Act + Assert
        Assert.That(MajorityVote.Winner(ballots, Equivalent), Is.EqualTo(1));
        Assert.That(MajorityVote.IsCorrect(ballots, Equivalent), Is.True);
    }

    [Test]
    public void Samples_without_an_answer_do_not_vote_and_no_vote_is_wrong()
    {
        Assert.That(MajorityVote.Winner([new(null, false), new(null, false), new("4", true)], Exact), Is.EqualTo(2));
        Assert.That(MajorityVote.IsCorrect([new(null, false), new(null, false)], Exact), Is.False);
        Assert.That(MajorityVote.Winner([], Exact), Is.Null);
    }
}
