using SIaM.SelfImprovement.Synthetic;
using SIaM.Testing;
using SIaM.Tokenization;
using SIaM.Training.Tokenizers;

namespace SIaM.Training.Tests.Synthetic;

public sealed class BpeTokenizerBuilderTests
{
    [Test]
    public void The_built_tokenizer_loads_as_an_hf_tokenizer_and_round_trips_english_chinese_and_code()
    {
        // Arrange
        using var temp = new TempDirectory();
        var suite = SyntheticSuite.Generate(seed: 1, seedPerFamily: 10, poolPerFamily: 5, evalPerFamily: 2);
        var corpus = suite.SeedSet.SelectMany(p => new[] { p.Question, p.Program }).ToList();
        BpeTokenizerBuilder.Build(corpus, merges: 200, temp.Path);
        var samples = corpus.Take(6).Append("把87张贴纸平均分给4个小朋友，还剩多少？\nprint(a % b)\n").Append("emoji ✓ 𝜋 ünïcode");

        // Act
        var tokenizer = HfTokenizer.Load(temp.Path);

        // Assert
        foreach (var text in samples)
            Assert.That(tokenizer.Decode(tokenizer.Encode(text)), Is.EqualTo(text));
        Assert.That(tokenizer.EosTokenIds, Is.EqualTo(new[] { 1 }));
        Assert.That(tokenizer.PadTokenId, Is.EqualTo(0));
        Assert.That(tokenizer.Encode("a = 123\n").Count, Is.LessThan(System.Text.Encoding.UTF8.GetByteCount("a = 123\n")));
        Assert.That(tokenizer.Encode("123").Count, Is.EqualTo(3), "digits stay single tokens");
    }

    [Test]
    public void The_same_corpus_gives_byte_identical_files()
    {
        // Arrange
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        string[] corpus = ["How many apples? print(a + b)", "小明有12个苹果", "How many books? print(a * b)"];

        // Act
        BpeTokenizerBuilder.Build(corpus, 50, a.Path);
        BpeTokenizerBuilder.Build(corpus, 50, b.Path);

        // Assert
        Assert.That(File.ReadAllBytes(a.File("tokenizer.json")), Is.EqualTo(File.ReadAllBytes(b.File("tokenizer.json"))));
    }
}
