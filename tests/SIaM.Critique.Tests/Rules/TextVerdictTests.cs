using SIaM.Core.Runs;
using SIaM.Critique.Rules;

namespace SIaM.Critique.Tests.Rules;

public sealed class TextVerdictTests
{
    [TestCase("YES", CriticOutcome.Yes)]
    [TestCase("yes, the output 36 equals the reference", CriticOutcome.Yes)]
    [TestCase("NO. It prints 3 instead of 3.5; yes would be wrong", CriticOutcome.No)]
    [TestCase("No", CriticOutcome.No)]
    [TestCase("是", CriticOutcome.Yes)]
    [TestCase("否，结果是 3", CriticOutcome.No)]
    [TestCase("正确", CriticOutcome.Yes)]
    [TestCase("错误：结果不一致", CriticOutcome.No)]
    [TestCase("不正确", CriticOutcome.No)]
    [TestCase("结果不一致", CriticOutcome.No)]
    [TestCase("这不是正确答案", CriticOutcome.No)]
    [TestCase("The answer is nonsense", CriticOutcome.Unparseable)]
    [TestCase("", CriticOutcome.Unparseable)]
    [TestCase("Yesterday it was known", CriticOutcome.Unparseable)]
    public void Reads_the_first_verdict_word_in_english_or_chinese(string text, CriticOutcome expected)
    {
        // Act
        var outcome = TextVerdict.Parse(text);

        // Assert
        Assert.That(outcome, Is.EqualTo(expected));
    }
}
