using SIaM.Training.Losses;
using SIaM.Training.Scoring;
using SIaM.Training.Tests.Support;
using static TorchSharp.torch;

namespace SIaM.Training.Tests.Losses;

public sealed class SftLossTests
{
    private const double Tolerance = 1e-12;

    // Two sequences of four tokens over a vocabulary of three; hand-set logits.
    private static readonly double[,,] Logits =
    {
        { { 0.2, -1.0, 0.5 }, { 1.5, 0.0, -0.5 }, { -0.3, 0.8, 0.1 }, { 0.0, 0.0, 0.0 } },
        { { 2.0, 0.1, -1.2 }, { 0.4, 0.4, 0.9 }, { -2.0, 1.0, 0.0 }, { 0.3, 0.2, 0.1 } },
    };

    private static double[] Softmax(int b, int t)
    {
        var e = Enumerable.Range(0, 3).Select(v => Math.Exp(Logits[b, t, v])).ToArray();
        return e.Select(x => x / e.Sum()).ToArray();
    }

    [Test]
    public void Value_and_logit_gradient_are_the_token_mean_cross_entropy_over_response_tokens_only()
    {
        // Arrange: sequence 0 = prompt [0, 2] + response [1, 1]; sequence 1 = prompt [1] + response [2, 0] + padding
        using var batch = SequenceBatch.Create([new TokenizedExample([0, 2], [1, 1]), new TokenizedExample([1], [2, 0])], padId: 0);
        using var logits = tensor(Logits, requires_grad: true);
        var scored = new[] { (0, 1, 1), (0, 2, 1), (1, 0, 2), (1, 1, 0) }; // (sequence, position, target)
        var expected = -scored.Sum(s => Math.Log(Softmax(s.Item1, s.Item2)[s.Item3])) / scored.Length;
        var expectedGrad = new double[2, 4, 3];
        foreach (var (b, t, y) in scored)
        {
            var p = Softmax(b, t);
            for (var v = 0; v < 3; v++) expectedGrad[b, t, v] = (p[v] - (v == y ? 1 : 0)) / scored.Length;
        }

        // Act
        var logProbs = ResponseScorer.FromLogits(logits, batch.Ids, batch.ResponseMask);
        using var loss = SftLoss.Compute(logProbs);
        loss.backward();

        // Assert
        Assert.That(loss.item<double>(), Is.EqualTo(expected).Within(Tolerance));
        Assert.That(Tensors.Values(logProbs.Count), Is.EqualTo(new double[] { 2, 2 }));
        Assert.That(Tensors.Values(logits.grad!), Is.EqualTo(expectedGrad.Cast<double>().ToArray()).Within(Tolerance));
    }

    [Test]
    public void An_empty_response_is_refused()
    {
        // Arrange
        var logProbs = SequenceLogProbs.From([-1.0, 0.0], [3, 0]);

        // Act + Assert: the batch total is positive, but a sequence with nothing to learn is an error upstream
        Assert.Throws<ArgumentException>(() => SftLoss.Compute(logProbs));
    }
}
