using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;

namespace SIaM.Tests.Prompts;

public sealed class PromptBuilderTests
{
    private static readonly Problem Chinese = new("cmath", 0, "小明有 3 个苹果，又买了 2 个，一共有几个？", "5", AnswerKind.Number);

    [Test]
    public void Builds_system_few_shot_turns_and_the_question_in_order()
    {
        // Arrange
        var template = PromptTemplates.For(PromptStyle.Pot, Language.Zh);

        // Act
        var messages = PromptBuilder.Build(Chinese, template, fewShot: 2);

        // Assert
        Assert.That(messages.Select(m => m.Role), Is.EqualTo(new[] { "system", "user", "assistant", "user", "assistant", "user" }));
        Assert.That(messages[^1].Content, Does.EndWith(Chinese.Question));
        Assert.That(messages[^1].Content, Does.Contain("Python"));
        Assert.That(messages[2].Content, Does.Contain("```python"));
    }

    [Test]
    public void Gives_every_style_and_language_a_distinct_template_hash()
    {
        var hashes = PromptTemplates.All.Values.Select(t => t.Hash).ToList();

        Assert.That(PromptTemplates.All, Has.Count.EqualTo(8));
        Assert.That(hashes, Is.Unique);
    }

    [Test]
    public void Changes_the_prompt_hash_when_the_question_changes_and_only_then()
    {
        var template = PromptTemplates.For(PromptStyle.Cot, Language.Zh);
        var a = PromptBuilder.Hash(PromptBuilder.Build(Chinese, template, 0));
        var again = PromptBuilder.Hash(PromptBuilder.Build(Chinese with { Index = 7 }, template, 0));
        var other = PromptBuilder.Hash(PromptBuilder.Build(Chinese with { Question = "1+1=?" }, template, 0));

        Assert.That(again, Is.EqualTo(a));
        Assert.That(other, Is.Not.EqualTo(a));
    }

    [Test]
    public void A_bare_prompt_is_the_question_alone_so_a_plain_backend_sees_the_question_and_a_blank_line()
    {
        // Act
        var messages = PromptBuilder.Build(Chinese, PromptTemplates.For(PromptStyle.Bare, Language.Zh), fewShot: 2);

        // Assert
        Assert.That(messages.Select(m => (m.Role, m.Content)), Is.EqualTo(new[] { ("user", Chinese.Question) }));
        Assert.That(new SIaM.Core.Backends.GenerationRequest("cmath/0", 0, messages, "", new()).PlainPrompt, Is.EqualTo(Chinese.Question + "\n\n"));
    }

    [Test]
    public void Asks_tool_integrated_answers_for_boxed_results_in_both_languages()
    {
        Assert.That(PromptTemplates.For(PromptStyle.Tir, Language.En).Instruction, Does.Contain("\\boxed{}"));
        Assert.That(PromptTemplates.For(PromptStyle.Tir, Language.Zh).Instruction, Does.Contain("\\boxed{}"));
    }
}
