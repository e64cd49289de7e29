using SIaM.Core.Benchmarks;
using SIaM.Critique.Prompts;

namespace SIaM.Critique.Tests.Prompts;

public sealed class CriticPromptTests
{
    private static CritiqueCase Case(Language language, string? code = "print(7 / 2)") =>
        new("math/3", 1, "math", language, "What is 7/2?", "\\frac{7}{2}", code, code is null ? null : "3.5\n", "3.5", "…");

    [Test]
    public void The_english_prompt_shows_question_reference_program_and_output_and_asks_for_yes_or_no()
    {
        // Act
        var messages = CriticPrompt.Messages(Case(Language.En), fewShot: 0);

        // Assert
        Assert.That(messages.Select(m => m.Role), Is.EqualTo(new[] { "system", "user" }));
        Assert.That(messages[1].Content, Does.Contain("### Question\nWhat is 7/2?")
            .And.Contain("### Reference answer\n\\frac{7}{2}")
            .And.Contain("```python\nprint(7 / 2)\n```")
            .And.Contain("### Execution output\n3.5")
            .And.EndWith("Answer YES or NO."));
    }

    [Test]
    public void The_chinese_prompt_is_in_chinese_and_shows_the_extracted_answer_when_there_is_no_program()
    {
        // Act
        var text = CriticPrompt.Plain(Case(Language.Zh, code: null), fewShot: 0);

        // Assert
        Assert.That(text, Does.Contain("### 题目").And.Contain("### 最终答案\n3.5").And.Not.Contain("### 程序").And.EndWith("回答："));
    }

    [Test]
    public void Few_shot_turns_precede_the_case_with_their_verdicts()
    {
        // Act
        var messages = CriticPrompt.Messages(Case(Language.En), fewShot: 2);

        // Assert
        Assert.That(messages.Select(m => m.Role), Is.EqualTo(new[] { "system", "user", "assistant", "user", "assistant", "user" }));
        Assert.That(messages[2].Content, Is.EqualTo("YES"));
        Assert.That(messages[4].Content, Is.EqualTo("NO"));
    }

    [Test]
    public void Template_hashes_are_recorded_per_language_and_differ()
    {
        // Act
        var (en, zh) = (CriticTemplates.En.Hash, CriticTemplates.Zh.Hash);

        // Assert
        Assert.That(en, Has.Length.EqualTo(64).And.Not.EqualTo(zh));
        Assert.That(CriticTemplates.En.Hash, Is.EqualTo(en), "stable");
        Assert.That(CriticTemplates.For(Language.Zh).Key, Is.EqualTo("critic/zh"));
    }

    [Test]
    public void The_compact_prompt_puts_the_reference_next_to_the_program_output_and_ends_in_same()
    {
        // Act
        var request = CriticPrompt.Scoring(Case(Language.Zh), new CriticOptions(Format: CriticFormat.Compact));

        // Assert
        Assert.That(request.AssistantPrefix, Is.EqualTo("reference: \\frac{7}{2}\nresult: 3.5\nsame:"));
        Assert.That(request.Messages, Is.Empty);
        Assert.That(request.Candidates, Is.EqualTo(new[] { " YES", " NO" }));
    }

    [Test]
    public void The_compact_prompt_shows_the_final_answer_without_a_program_and_the_end_of_a_long_output_on_one_line()
    {
        // Arrange
        var noProgram = Case(Language.En, code: null);
        var longOutput = Case(Language.En) with { Output = string.Join("\n", Enumerable.Range(1, 40)) + "\n" };

        // Act
        var (answer, tail) = (CriticPrompt.Compact(noProgram), CriticPrompt.Compact(longOutput));

        // Assert
        Assert.That(answer, Does.Contain("\nresult: 3.5\n"));
        var result = tail.Split('\n')[1];
        Assert.That(result, Does.StartWith("result: …").And.EndWith(" 39 40"));
        Assert.That(result.Length, Is.EqualTo("result: …".Length + CriticPrompt.MaxCompactSection));
    }

    [Test]
    public void Only_a_compact_critic_identity_records_the_compact_prompt_hash()
    {
        // Act
        var compact = Critics.CriticIdentity.Of("prob", "hf:x", new CriticOptions(Format: CriticFormat.Compact));
        var plain = Critics.CriticIdentity.Of("prob", "hf:x", new CriticOptions(Format: CriticFormat.Plain));

        // Assert
        Assert.That(compact["format"]!.GetValue<string>(), Is.EqualTo("compact"));
        Assert.That(compact["compact_prompt_hash"]!.GetValue<string>(), Has.Length.EqualTo(64));
        Assert.That(plain.ContainsKey("compact_prompt_hash"), Is.False);
    }
}
