using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.TorchSharp.Scoring;

namespace SIaM.TorchSharp;

public sealed partial class TorchSharpBackend
{
    /// <summary>
    /// Scores candidates exactly: prompt and prompt + candidate are tokenised as one text each, the candidate's tokens are
    /// those after their common prefix, and their log-probabilities come from one forward pass (log-softmax at the
    /// positions that predict them). Requests are batched by <c>batch=</c>; a batch gives the same values as single calls.
    /// A candidate that does not fit the model's context scores −∞.
    /// </summary>
    public async Task<IReadOnlyList<ScoringResult>> ScoreAsync(IReadOnlyList<ScoringRequest> requests, CancellationToken cancellationToken)
    {
        var items = new List<Continuation>();
        var owners = new List<(int Request, int Candidate)>();
        for (var r = 0; r < requests.Count; r++)
        {
            var request = requests[r];
            var raw = Raw(request.Messages);
            var prompt = PromptText(request.Messages, request.AssistantPrefix, request.PlainPrompt);
            var context = EncodePrompt(prompt, raw);
            for (var c = 0; c < request.Candidates.Count; c++)
            {
                var whole = EncodePrompt(prompt + request.Candidates[c], raw);
                var shared = CommonPrefix(context, whole);
                if (shared == 0)
                    throw new InputException($"{request.Id}: cannot score '{request.Candidates[c]}' after an empty prompt (the tokenizer adds no BOS)");
                if (shared == whole.Count) throw new InputException($"{request.Id}: candidate '{request.Candidates[c]}' adds no tokens to the prompt");
                if (whole.Count > _lm.Config.MaxPositionEmbeddings) continue;
                items.Add(new Continuation(whole.Take(shared).ToArray(), whole.Skip(shared).ToArray()));
                owners.Add((r, c));
            }
        }
        double[][] logProbs;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            logProbs = await Task.Run(() => ContinuationScorer.Score(_lm, items, _options.MaxBatchSize, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
        var scores = requests.Select(q => q.Candidates.Select(c => new CandidateScore(c, double.NegativeInfinity, [])).ToArray()).ToArray();
        for (var i = 0; i < items.Count; i++)
        {
            var (r, c) = owners[i];
            var pieces = Pieces(items[i].Tokens);
            scores[r][c] = new CandidateScore(requests[r].Candidates[c], logProbs[i].Sum(),
                pieces.Select((text, j) => new TokenLogProb(text, logProbs[i][j])).ToArray());
        }
        return scores.Select(s => new ScoringResult(s)).ToArray();
    }

    private static int CommonPrefix(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var n = 0;
        while (n < a.Count && n < b.Count && a[n] == b[n]) n++;
        return n;
    }

    /// <summary>
    /// The text each token adds, so that the pieces concatenate to the decoded continuation: a token that ends inside a
    /// multi-byte character adds nothing, the token that completes it adds the character.
    /// </summary>
    private string[] Pieces(IReadOnlyList<int> tokens)
    {
        var full = _tokenizer.Decode(tokens);
        var pieces = new string[tokens.Count];
        var done = 0;
        for (var j = 0; j < tokens.Count; j++)
        {
            var prefix = j == tokens.Count - 1 ? full : _tokenizer.Decode(tokens.Take(j + 1));
            var shared = 0;
            while (shared < prefix.Length && shared < full.Length && prefix[shared] == full[shared]) shared++;
            shared = Math.Max(shared, done);
            pieces[j] = full[done..shared];
            done = shared;
        }
        return pieces;
    }
}
