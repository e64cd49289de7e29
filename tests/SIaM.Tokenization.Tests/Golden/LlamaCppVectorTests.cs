using SIaM.Tokenization.Tests.Support;

namespace SIaM.Tokenization.Tests.Golden;

/// <summary>llama.cpp's tokenizer test vectors (made with AutoTokenizer.encode(text, add_special_tokens=False)).</summary>
public sealed class LlamaCppVectorTests
{
    [TestCase("llama-spm", "llama2")]
    [TestCase("gpt-2", "gpt2")]
    [TestCase("llama-bpe", "llama3")]
    [TestCase("qwen2", "qwen2")]
    public void All_46_vectors_match_exactly(string vocab, string tokenizer)
    {
        // Arrange
        var cases = VectorFiles.LlamaCpp(vocab);
        var sut = Tokenizers.ByName(tokenizer);

        // Act
        var failures = Mismatches.Of(cases, text => sut.Encode(text, addSpecialTokens: false));

        // Assert
        Assert.That(cases, Has.Count.EqualTo(46));
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }
}
