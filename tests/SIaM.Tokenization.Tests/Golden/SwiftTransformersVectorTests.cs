using SIaM.Tokenization.Tests.Support;

namespace SIaM.Tokenization.Tests.Golden;

/// <summary>swift-transformers baselines (transformers 4.57.1, add_special_tokens=True) for ids and decoded text.</summary>
public sealed class SwiftTransformersVectorTests
{
    [TestCase("tinyllama_multilingual.json", "llama2")]
    [TestCase("gpt2_multilingual.json", "gpt2")]
    [TestCase("qwen2_5_multilingual.json", "qwen2")]
    public void The_83_multilingual_inputs_encode_exactly(string baseline, string tokenizer)
    {
        // Arrange
        var entries = VectorFiles.Multilingual(baseline);
        var sut = Tokenizers.ByName(tokenizer);

        // Act
        var failures = Mismatches.Of(entries.Select(e => e.Case), text => sut.Encode(text));

        // Assert
        Assert.That(entries, Has.Count.EqualTo(83));
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [TestCase("tinyllama_multilingual.json", "llama2")]
    [TestCase("gpt2_multilingual.json", "gpt2")]
    [TestCase("qwen2_5_multilingual.json", "qwen2")]
    public void The_83_multilingual_inputs_decode_exactly_with_and_without_special_tokens(string baseline, string tokenizer)
    {
        // Arrange
        var entries = VectorFiles.Multilingual(baseline);
        var sut = Tokenizers.ByName(tokenizer);

        // Act
        var failures = entries
            .Where(e => sut.Decode(e.Case.Ids, skipSpecialTokens: false) != e.WithSpecial || sut.Decode(e.Case.Ids) != e.SkipSpecial)
            .Select(e => $"{e.Case.Name}: {Mismatches.Show(sut.Decode(e.Case.Ids, false))} vs {Mismatches.Show(e.WithSpecial)}")
            .ToList();

        // Assert
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [TestCase("llama_encoded.json", "llama2")]
    [TestCase("llama_3.2_encoded.json", "llama3")]
    [TestCase("gpt2_encoded_tokens.json", "gpt2")]
    public void The_paragraph_encodes_exactly_with_its_special_tokens(string file, string tokenizer)
    {
        // Arrange
        var (paragraph, _) = VectorFiles.SwiftParagraph(file);

        // Act
        var ids = Tokenizers.ByName(tokenizer).Encode(paragraph.Text);

        // Assert
        Assert.That(ids, Is.EqualTo(paragraph.Ids));
    }

    [TestCase("llama_encoded.json", "llama2")]
    [TestCase("llama_3.2_encoded.json", "llama3")]
    [TestCase("gpt2_encoded_tokens.json", "gpt2")]
    public void The_paragraph_decodes_to_the_reference_text(string file, string tokenizer)
    {
        // Arrange
        var (paragraph, decoded) = VectorFiles.SwiftParagraph(file);

        // Act
        var text = Tokenizers.ByName(tokenizer).Decode(paragraph.Ids, skipSpecialTokens: false);

        // Assert
        Assert.That(text, Is.EqualTo(decoded));
    }
}
