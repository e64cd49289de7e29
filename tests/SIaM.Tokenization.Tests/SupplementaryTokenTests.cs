using SIaM.Tokenization.Tests.Support;

namespace SIaM.Tokenization.Tests;

/// <summary>Vocabulary entries outside the BMP (Llama-2 has 𝕜 30994, 🌍 31494, 𝓝 31926) are single symbols, as in tokenizers.</summary>
public sealed class SupplementaryTokenTests
{
    [TestCase("🌍", 31494)]
    [TestCase("𝕜", 30994)]
    [TestCase("𝓝", 31926)]
    public void A_supplementary_vocabulary_entry_encodes_to_its_own_id(string text, int id)
    {
        // Arrange
        var tokenizer = Tokenizers.Llama2;

        // Act
        var ids = tokenizer.Encode(text, addSpecialTokens: false);

        // Assert: 29871 is the "▁" that the Prepend normalizer adds
        Assert.That(ids, Is.EqualTo(new[] { 29871, id }));
    }
}
