using SIaM.Core.Text;

namespace SIaM.Tests.Text;

public sealed class NearestNameTests
{
    private static readonly string[] Verbs = ["bench", "benchmarks", "compare", "eval", "gate", "generate", "grade", "merge", "report"];

    [TestCase("evl", "eval")]
    [TestCase("compre", "compare")]
    [TestCase("benchmark", "benchmarks")]
    [TestCase("gat", "gate")]
    [TestCase("REPORT", "report")]
    public void Names_the_verb_with_the_fewest_edits(string typed, string expected)
    {
        // Act + Assert
        Assert.That(NearestName.Of(typed, Verbs), Is.EqualTo(expected));
    }

    [TestCase("kitten", "sitting", 3)]
    [TestCase("", "abc", 3)]
    [TestCase("same", "same", 0)]
    [TestCase("flaw", "lawn", 2)]
    public void Distance_is_the_Levenshtein_distance(string a, string b, int expected)
    {
        // Act + Assert
        Assert.That(NearestName.Distance(a, b), Is.EqualTo(expected));
    }

    [Test]
    public void There_is_no_nearest_name_among_none()
    {
        // Act + Assert
        Assert.That(NearestName.Of("eval", []), Is.Null);
    }
}
