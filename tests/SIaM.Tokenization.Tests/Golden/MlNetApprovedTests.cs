using SIaM.Tokenization.Tests.Support;

namespace SIaM.Tokenization.Tests.Golden;

/// <summary>dotnet/machinelearning's approved Llama-3.1 tokenizer output (no BOS added; special tokens in the text).</summary>
public sealed class MlNetApprovedTests
{
    [Test]
    public void The_four_approved_llama3_strings_encode_exactly()
    {
        // Arrange
        var cases = VectorFiles.MlNetApproved();

        // Act
        var failures = Mismatches.Of(cases, text => Tokenizers.Llama3.Encode(text, addSpecialTokens: false));

        // Assert
        Assert.That(cases, Has.Count.EqualTo(4));
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(cases[3].Ids, Is.EqualTo(new[] { 128000, 9906, 4435, 128001 }));
    }
}
