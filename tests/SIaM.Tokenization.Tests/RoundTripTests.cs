using SIaM.Tokenization.Tests.Support;

namespace SIaM.Tokenization.Tests;

/// <summary>Decode(Encode(text)) gives the text back for Chinese, emoji (incl. ZWJ and supplementary letters) and code.</summary>
public sealed class RoundTripTests
{
    private static readonly string[] Texts =
    [
        "小明有5个苹果，吃了2个，还剩几个？答案是3。",
        "🚀 emoji 😶‍🌫️ family 👨‍👩‍👧 flags 🇨🇳 🦙",
        "Let 𝑥 = 𝟐 and 𠮷野家; ∑ᵢ xᵢ² ≥ 0",
        "def f(x):\n\treturn x != None and x ** 2  # 注释\r\n",
    ];

    [Test]
    public void Every_tokenizer_round_trips_chinese_emoji_and_code(
        [Values("llama2", "gpt2", "llama3", "qwen2")] string name,
        [Range(0, 3)] int index)
    {
        // Arrange
        var tokenizer = Tokenizers.ByName(name);
        var text = Texts[index];

        // Act
        var ids = tokenizer.Encode(text, addSpecialTokens: false);
        var decoded = tokenizer.Decode(ids);

        // Assert
        Assert.That(decoded, Is.EqualTo(text));
    }

    [Test]
    public void Decoding_a_cut_multibyte_character_gives_a_replacement_char_not_an_exception()
    {
        // Arrange: 🦙 is 4 bytes; GPT-2 spells it with byte-level tokens, of which we drop the last
        var ids = Tokenizers.Gpt2.Encode("🦙", addSpecialTokens: false);

        // Act
        var text = Tokenizers.Gpt2.Decode(ids.Take(ids.Count - 1));

        // Assert
        Assert.That(text, Does.Contain("\uFFFD"));
    }

    [Test]
    public void Encoding_is_deterministic_across_tokenizer_instances()
    {
        // Arrange
        var other = HfTokenizer.Load(Fixtures.TinyLlama);

        // Act / Assert
        Assert.That(other.Encode(Texts[0]), Is.EqualTo(Tokenizers.Llama2.Encode(Texts[0])));
    }
}
