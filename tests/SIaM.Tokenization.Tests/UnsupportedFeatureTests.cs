using SIaM.Core;
using SIaM.Tokenization.Tests.Support;

namespace SIaM.Tokenization.Tests;

/// <summary>Unsupported or broken tokenizer files fail at load time with a message naming the file and the feature.</summary>
public sealed class UnsupportedFeatureTests
{
    private const string Model = """{"type":"BPE","vocab":{"a":0,"b":1,"ab":2},"merges":["a b"]}""";

    [TestCase("""{"model":{"type":"Unigram","vocab":[]}}""", "model type 'Unigram'")]
    [TestCase("""{"model":{"type":"WordPiece","vocab":{}}}""", "model type 'WordPiece'")]
    [TestCase("""{"normalizer":{"type":"BertNormalizer"},"model":MODEL}""", "normalizer 'BertNormalizer'")]
    [TestCase("""{"pre_tokenizer":{"type":"Whitespace"},"model":MODEL}""", "pre_tokenizer 'Whitespace'")]
    [TestCase("""{"decoder":{"type":"WordPiece"},"model":MODEL}""", "decoder 'WordPiece'")]
    [TestCase("""{"post_processor":{"type":"Custom"},"model":MODEL}""", "post_processor 'Custom'")]
    [TestCase("""{"model":{"type":"BPE","vocab":{},"merges":[],"continuing_subword_prefix":"##"}}""", "continuing_subword_prefix '##'")]
    [TestCase("""{"model":{"type":"BPE","vocab":{},"merges":[],"dropout":0.1}}""", "dropout '0.1'")]
    public void An_unsupported_feature_is_named_in_the_error(string json, string feature)
    {
        // Arrange
        using var dir = new TempDirectory();
        var file = dir.Write("tokenizer.json", json.Replace("MODEL", Model));

        // Act
        var act = () => HfTokenizer.Load(dir.Path);

        // Assert
        Assert.That(act, Throws.TypeOf<InputException>().With.Message.Contains(feature).And.Message.Contains(file));
    }

    [Test]
    public void A_directory_without_tokenizer_json_is_reported()
    {
        // Arrange
        using var dir = new TempDirectory();

        // Act
        var act = () => HfTokenizer.Load(dir.Path);

        // Assert
        Assert.That(act, Throws.TypeOf<InputException>().With.Message.Contains("tokenizer.json: not found"));
    }

    [Test]
    public void Malformed_json_is_reported_with_its_line()
    {
        // Arrange
        using var dir = new TempDirectory();
        dir.Write("tokenizer.json", "{\n\"model\": {\n  \"type\": \"BPE\",,\n}}");

        // Act
        var act = () => HfTokenizer.Load(dir.Path);

        // Assert
        Assert.That(act, Throws.TypeOf<InputException>().With.Message.Contains("invalid JSON at line 3"));
    }

    [Test]
    public void A_minimal_bpe_file_loads_and_merges()
    {
        // Arrange
        using var dir = new TempDirectory();
        dir.Write("tokenizer.json", $$"""{"model":{{Model}}}""");

        // Act
        var ids = HfTokenizer.Load(dir.Path).Encode("ab");

        // Assert
        Assert.That(ids, Is.EqualTo(new[] { 2 }));
    }
}
