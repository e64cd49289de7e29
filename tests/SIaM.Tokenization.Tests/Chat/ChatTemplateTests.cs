using SIaM.Core.Backends;
using SIaM.Tokenization.Tests.Support;

namespace SIaM.Tokenization.Tests.Chat;

/// <summary>Rendering is checked against the exact text each family's Jinja template produces.</summary>
public sealed class ChatTemplateTests
{
    private static readonly ChatMessage[] UserOnly = [ChatMessage.User("What is 2+2?")];

    [Test]
    public void Qwen25_adds_its_default_system_prompt_and_opens_an_assistant_turn()
    {
        // Arrange
        var template = ChatTemplate.FromTemplate(Templates.Qwen25, null, "<|im_end|>");

        // Act
        var text = template.Render(UserOnly, addGenerationPrompt: true);

        // Assert
        Assert.That(template.Name, Is.EqualTo("chatml"));
        Assert.That(text, Is.EqualTo(
            "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n" +
            "<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n"));
    }

    [Test]
    public void Qwen25_uses_the_given_system_message_instead_of_its_default()
    {
        // Arrange
        var template = ChatTemplate.FromTemplate(Templates.Qwen25, null, "<|im_end|>");
        ChatMessage[] messages = [ChatMessage.System("Be brief."), ChatMessage.User("Hi"), ChatMessage.Assistant("Hello"), ChatMessage.User("2+2?")];

        // Act
        var text = template.Render(messages, addGenerationPrompt: false);

        // Assert
        Assert.That(text, Is.EqualTo(
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n" +
            "<|im_start|>assistant\nHello<|im_end|>\n<|im_start|>user\n2+2?<|im_end|>\n"));
    }

    [Test]
    public void Qwen25_math_default_system_prompt_keeps_its_backslash()
    {
        // Arrange
        var template = ChatTemplate.FromTemplate(Templates.ChatMl + Templates.Qwen25MathSystemLine, null, null);

        // Act
        var text = template.Render(UserOnly, addGenerationPrompt: true);

        // Assert
        Assert.That(text, Does.StartWith(
            "<|im_start|>system\nPlease reason step by step, and put your final answer within \\boxed{}.<|im_end|>\n<|im_start|>user\n"));
    }

    [Test]
    public void Plain_chatml_has_no_system_prompt_of_its_own()
    {
        // Arrange
        var template = ChatTemplate.FromTemplate(Templates.ChatMl, null, null);

        // Act
        var text = template.Render(UserOnly, addGenerationPrompt: true);

        // Assert
        Assert.That(text, Is.EqualTo("<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n"));
    }

    [Test]
    public void Llama3_writes_bos_headers_trimmed_contents_and_eot()
    {
        // Arrange
        var template = ChatTemplate.FromTemplate(Llama3Checkpoint.ChatTemplate, "<|begin_of_text|>", "<|end_of_text|>");
        ChatMessage[] messages = [ChatMessage.System("Be brief. "), ChatMessage.User("  What is 2+2?\n")];

        // Act
        var text = template.Render(messages, addGenerationPrompt: true);

        // Assert
        Assert.That(template.Name, Is.EqualTo("llama3"));
        Assert.That(text, Is.EqualTo(
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>" +
            "<|start_header_id|>user<|end_header_id|>\n\nWhat is 2+2?<|eot_id|>" +
            "<|start_header_id|>assistant<|end_header_id|>\n\n"));
    }

    [Test]
    public void Llama31_always_opens_with_the_dated_system_block()
    {
        // Arrange
        var template = ChatTemplate.FromTemplate(Templates.Llama31, "<|begin_of_text|>", "<|eot_id|>");

        // Act
        var text = template.Render(UserOnly, addGenerationPrompt: true);

        // Assert
        Assert.That(text, Is.EqualTo(
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n" +
            "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|>" +
            "<|start_header_id|>user<|end_header_id|>\n\nWhat is 2+2?<|eot_id|>" +
            "<|start_header_id|>assistant<|end_header_id|>\n\n"));
    }

    [Test]
    public void Llama2_puts_the_system_prompt_inside_the_first_instruction()
    {
        // Arrange: the template of tiny-random-llama/tokenizer_config.json (Llama-2 chat)
        var template = Tokenizers.Llama2.ChatTemplate;
        ChatMessage[] messages =
        [
            ChatMessage.System("You are a helpful assistant."), ChatMessage.User("What is 2+2? "),
            ChatMessage.Assistant(" 4"), ChatMessage.User("And 3+3?"),
        ];

        // Act
        var text = template.Render(messages, addGenerationPrompt: true);

        // Assert
        Assert.That(template.Name, Is.EqualTo("llama2"));
        Assert.That(text, Is.EqualTo(
            "<s>[INST] <<SYS>>\nYou are a helpful assistant.\n<</SYS>>\n\nWhat is 2+2? [/INST] 4 </s><s>[INST] And 3+3? [/INST]"));
    }

    [Test]
    public void Llama2_rejects_roles_that_do_not_alternate()
    {
        // Arrange
        var template = Tokenizers.Llama2.ChatTemplate;
        ChatMessage[] messages = [ChatMessage.User("a"), ChatMessage.User("b")];

        // Act
        var act = () => template.Render(messages, addGenerationPrompt: true);

        // Assert
        Assert.That(act, Throws.ArgumentException.With.Message.Contains("alternate"));
    }

    [Test]
    public void No_template_gives_plain_text_joined_by_blank_lines()
    {
        // Arrange
        var template = Tokenizers.Gpt2.ChatTemplate;

        // Act
        var text = template.Render([ChatMessage.System("Solve."), ChatMessage.User("2+2=")], addGenerationPrompt: true);

        // Assert
        Assert.That(template.IsPlain, Is.True);
        Assert.That(text, Is.EqualTo("Solve.\n\n2+2="));
    }

    [Test]
    public void An_unrecognised_family_falls_back_to_plain_and_says_so()
    {
        // Arrange / Act
        var template = ChatTemplate.FromTemplate(Templates.Mistral, "<s>", "</s>");

        // Assert
        Assert.That(template.IsPlain, Is.True);
        Assert.That(template.Name, Is.EqualTo("plain (unrecognised chat_template)"));
    }
}
