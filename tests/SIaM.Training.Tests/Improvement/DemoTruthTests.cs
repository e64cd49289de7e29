using SIaM.SelfImprovement;

namespace SIaM.Training.Tests.Improvement;

public sealed class DemoTruthTests
{
    [TestCase("12", "12\n", true)]
    [TestCase("12", "12.0\n", true)]
    [TestCase("12", "12 apples\n", true)]
    [TestCase("12", "answer: 12\n", true)]
    [TestCase("12", "12个苹果\n", true)]
    [TestCase("0.5", "1/2\n", true)]
    [TestCase("1200", "1,200\n", true)]
    [TestCase("12", "3\n4\n12\n", true)]
    [TestCase("12", "13 apples\n", false)]
    [TestCase("12", "12\n13\n", false)]
    [TestCase("12", "3 * 4 = 12\n", false)]
    [TestCase("12", "\n", false)]
    [TestCase("twelve", "12\n", false)]
    public void Calls_an_output_correct_when_its_last_line_states_exactly_the_reference_value(string reference, string output, bool correct)
    {
        // Act
        var verdict = DemoTruth.Correct(reference, output);

        // Assert
        Assert.That(verdict, Is.EqualTo(correct));
    }
}
