using static TorchSharp.torch;

namespace SIaM.Training.Scoring;

/// <summary>
/// Prompt + response sequences right-padded into one batch. <see cref="ResponseMask"/> (B, T-1) is 1 where position
/// t+1 holds a response token, i.e. where the logits at t are scored: prompt and padding are masked (label −100 in
/// Hugging Face terms).
/// </summary>
public sealed class SequenceBatch : IDisposable
{
    private SequenceBatch(Tensor ids, Tensor valid, Tensor responseMask)
    {
        Ids = ids;
        Valid = valid;
        ResponseMask = responseMask;
    }

    /// <summary>Token ids (B, T), int64.</summary>
    public Tensor Ids { get; }

    /// <summary>Real tokens (B, T), bool.</summary>
    public Tensor Valid { get; }

    /// <summary>Scored positions (B, T-1), float32.</summary>
    public Tensor ResponseMask { get; }

    /// <summary>Builds a batch; an example with an empty response or an empty prompt is refused.</summary>
    /// <exception cref="ArgumentException">An example has no prompt or no response tokens.</exception>
    public static SequenceBatch Create(IReadOnlyList<TokenizedExample> examples, int padId, Device? device = null)
    {
        if (examples.Count == 0) throw new ArgumentException("a batch needs at least one example");
        for (var i = 0; i < examples.Count; i++)
        {
            if (examples[i].Response.Count == 0) throw new ArgumentException($"example {i} has an empty response: there is nothing to train on");
            if (examples[i].Prompt.Count == 0) throw new ArgumentException($"example {i} has an empty prompt: the first response token needs a context");
        }
        var length = examples.Max(e => e.Prompt.Count + e.Response.Count);
        var ids = new long[examples.Count, length];
        var valid = new bool[examples.Count, length];
        var mask = new float[examples.Count, length - 1];
        for (var row = 0; row < examples.Count; row++)
        {
            var (prompt, response) = (examples[row].Prompt, examples[row].Response);
            for (var j = 0; j < length; j++)
            {
                var real = j < prompt.Count + response.Count;
                ids[row, j] = !real ? padId : j < prompt.Count ? prompt[j] : response[j - prompt.Count];
                valid[row, j] = real;
                if (j > 0 && real && j >= prompt.Count) mask[row, j - 1] = 1;
            }
        }
        var d = device ?? CPU;
        return new SequenceBatch(tensor(ids, device: d), tensor(valid, device: d), tensor(mask, device: d));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Ids.Dispose();
        Valid.Dispose();
        ResponseMask.Dispose();
    }
}
