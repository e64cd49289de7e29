using SIaM.TorchSharp.Models;
using static TorchSharp.torch;

namespace SIaM.Training.Scoring;

/// <summary>Log-probabilities of the response tokens of a batch under a model.</summary>
public static class ResponseScorer
{
    /// <summary>
    /// Sum of log p(token | prefix) over response tokens, per sequence. Records a graph when the model is trainable;
    /// wrap in <c>no_grad</c> for reference scores.
    /// </summary>
    public static SequenceLogProbs Score(CausalLm lm, SequenceBatch batch)
    {
        using var logits = lm.Forward(batch.Ids, batch.Valid); // (B, T, V)
        return FromLogits(logits, batch.Ids, batch.ResponseMask);
    }

    /// <summary>Scores precomputed logits (B, T, V) of <paramref name="ids"/> (B, T) under <paramref name="mask"/> (B, T-1).</summary>
    public static SequenceLogProbs FromLogits(Tensor logits, Tensor ids, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var t = ids.shape[1];
        var tokens = TokenLogProbs(logits.narrow(1, 0, t - 1), ids.narrow(1, 1, t - 1)); // (B, T-1)
        var m = mask.to_type(tokens.dtype);
        var sum = (tokens * m).sum(1);
        var count = m.sum(1);
        return new SequenceLogProbs(sum.MoveToOuterDisposeScope(), count.MoveToOuterDisposeScope());
    }

    /// <summary>log_softmax(logits)[target] for logits (B, T, V) and targets (B, T) -> (B, T).</summary>
    public static Tensor TokenLogProbs(Tensor logits, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var logProbs = logits.log_softmax(-1);
        return logProbs.gather(-1, targets.unsqueeze(-1)).squeeze(-1).MoveToOuterDisposeScope();
    }
}
