using SIaM.Training.Scoring;
using SIaM.Training.Tests.Support;

namespace SIaM.Training.Tests.Scoring;

public sealed class SequenceBatchTests
{
    [Test]
    public void Only_positions_that_predict_response_tokens_are_scored_and_padding_is_on_the_right()
    {
        // Arrange
        var examples = new[] { new TokenizedExample([5, 6], [7, 8, 9]), new TokenizedExample([5, 6, 7], [8]) };

        // Act
        using var batch = SequenceBatch.Create(examples, padId: 0);

        // Assert
        Assert.That(Tensors.Values(batch.Ids), Is.EqualTo(new double[] { 5, 6, 7, 8, 9, 5, 6, 7, 8, 0 }));
        Assert.That(Tensors.Values(batch.Valid), Is.EqualTo(new double[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 0 }));
        Assert.That(Tensors.Values(batch.ResponseMask), Is.EqualTo(new double[] { 0, 1, 1, 1, 0, 0, 1, 0 }));
    }

    [Test]
    public void An_empty_response_is_refused()
    {
        // Arrange
        var examples = new[] { new TokenizedExample([5, 6], [7]), new TokenizedExample([5], []) };

        // Act
        var error = Assert.Throws<ArgumentException>(() => SequenceBatch.Create(examples, padId: 0));

        // Assert
        Assert.That(error!.Message, Does.Contain("example 1 has an empty response"));
    }
}
