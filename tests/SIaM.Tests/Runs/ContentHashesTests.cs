using SIaM.Core.Benchmarks;
using SIaM.Core.Runs;

namespace SIaM.Tests.Runs;

public sealed class ContentHashesTests
{
    private static readonly Problem Base = new("aqua", 3, "Which is prime?", "B", AnswerKind.Choice,
        new Dictionary<string, string> { ["A"] = "4", ["B"] = "5" });

    [Test]
    public void The_problem_hash_changes_with_the_question_or_any_choice_but_not_with_the_reference()
    {
        var hash = ContentHashes.Problem(Base);

        Assert.That(ContentHashes.Problem(Base with { Question = "Which is prime? " }), Is.Not.EqualTo(hash));
        Assert.That(ContentHashes.Problem(Base with { Choices = new Dictionary<string, string> { ["A"] = "4", ["B"] = "6" } }), Is.Not.EqualTo(hash));
        Assert.That(ContentHashes.Problem(Base with { Reference = "A", Index = 9 }), Is.EqualTo(hash));
        Assert.That(hash, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void The_problem_hash_does_not_depend_on_the_order_choices_were_read_in()
    {
        var reordered = Base with { Choices = new Dictionary<string, string> { ["B"] = "5", ["A"] = "4" } };

        Assert.That(ContentHashes.Problem(reordered), Is.EqualTo(ContentHashes.Problem(Base)));
    }

    [Test]
    public void Texts_cannot_run_into_each_other()
    {
        // "ab" + "c" and "a" + "bc" must not collide
        var one = Base with { Question = "ab", Choices = new Dictionary<string, string> { ["A"] = "c" } };
        var two = Base with { Question = "a", Choices = new Dictionary<string, string> { ["bA"] = "c" } };

        Assert.That(ContentHashes.Problem(one), Is.Not.EqualTo(ContentHashes.Problem(two)));
    }

    [Test]
    public void The_reference_hash_changes_with_the_reference_and_its_kind()
    {
        var hash = ContentHashes.Reference(Base);

        Assert.That(ContentHashes.Reference(Base with { Reference = "C" }), Is.Not.EqualTo(hash));
        Assert.That(ContentHashes.Reference(Base with { AnswerKind = AnswerKind.Expression }), Is.Not.EqualTo(hash));
        Assert.That(ContentHashes.Reference(Base with { Question = "other" }), Is.EqualTo(hash));
    }
}
