using SIaM.Core.Backends;
using SIaM.Tokenization.Tests.Support;

namespace SIaM.Tokenization.Tests.Chat;

/// <summary>EncodeChat must not double the BOS that chat templates write as text.</summary>
public sealed class EncodeChatTests
{
    [Test]
    public void Llama3_chat_prompt_has_exactly_one_bos_and_ends_with_the_assistant_header()
    {
        // Arrange
        var tokenizer = Tokenizers.Llama3;

        // Act
        var ids = tokenizer.EncodeChat([ChatMessage.User("What is 2+2?")]);

        // Assert: 128006 <|start_header_id|>, 882 "user", 128007 <|end_header_id|>, 271 "\n\n"
        Assert.That(ids.Take(4), Is.EqualTo(new[] { 128000, 128006, 882, 128007 }));
        Assert.That(ids.Count(id => id == 128000), Is.EqualTo(1));
        Assert.That(ids.TakeLast(3), Is.EqualTo(new[] { 78191, 128007, 271 }));
    }

    [Test]
    public void Llama2_chat_prompt_has_exactly_one_bos()
    {
        // Arrange
        var tokenizer = Tokenizers.Llama2;

        // Act
        var ids = tokenizer.EncodeChat([ChatMessage.User("Hi")]);

        // Assert
        Assert.That(ids[0], Is.EqualTo(1));
        Assert.That(ids.Count(id => id == 1), Is.EqualTo(1));
        Assert.That(tokenizer.Decode(ids, skipSpecialTokens: false), Is.EqualTo("<s> [INST] Hi [/INST]"));
    }

    [Test]
    public void A_plain_template_encodes_with_the_post_processor_tokens()
    {
        // Arrange
        var tokenizer = Tokenizers.Gpt2;

        // Act
        var ids = tokenizer.EncodeChat([ChatMessage.User("Hello world")]);

        // Assert
        Assert.That(ids, Is.EqualTo(tokenizer.Encode("Hello world")));
    }
}
