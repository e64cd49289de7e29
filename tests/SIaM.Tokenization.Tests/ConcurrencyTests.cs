using SIaM.Tokenization.Tests.Support;

namespace SIaM.Tokenization.Tests;

/// <summary>One tokenizer instance is shared by batched generation and the server: concurrent calls must agree.</summary>
public sealed class ConcurrencyTests
{
    [Test]
    public void Concurrent_encodes_and_decodes_give_the_sequential_results()
    {
        // Arrange
        var tokenizer = Tokenizers.Llama3;
        var texts = Enumerable.Range(0, 64).Select(i => $"Problem {i}: 小明有{i}个苹果 🍎, x^{i} + {i * 37} = ?").ToArray();
        var expected = texts.Select(t => tokenizer.Encode(t)).ToArray();

        // Act
        var actual = new IReadOnlyList<int>[texts.Length];
        var decoded = new string[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            actual[i] = tokenizer.Encode(texts[i]);
            decoded[i] = tokenizer.Decode(actual[i]);
        });

        // Assert
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(decoded, Is.EqualTo(texts));
    }
}
