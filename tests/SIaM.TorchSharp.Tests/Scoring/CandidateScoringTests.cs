using SIaM.Core.Backends;
using SIaM.TorchSharp.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Tests.Scoring;

public sealed class CandidateScoringTests
{
    private static TorchSharpBackend _backend = null!;

    [OneTimeSetUp]
    public static void Load() => _backend = TorchSharpBackend.Load(Fixtures.TinyLlama + "#batch=4");

    [OneTimeTearDown]
    public static async Task DisposeBackend() => await _backend.DisposeAsync();

    private static ScoringRequest Raw(string prompt, params string[] candidates) => new("test", [], prompt, candidates);

    private static int[] Encode(string text) => _backend.Tokenizer.Encode(text).ToArray();

    /// <summary>log-softmax over the vocabulary after <paramref name="ids"/>, from a plain forward pass.</summary>
    private static float[] NextTokenLogProbs(int[] ids)
    {
        using var scope = NewDisposeScope();
        var input = tensor(ids.Select(i => (long)i).ToArray(), [1, ids.Length]);
        var valid = ones([1, ids.Length], ScalarType.Bool);
        return _backend.Model.Forward(input, valid, lastOnly: true).log_softmax(-1).reshape(-1).data<float>().ToArray();
    }

    [Test]
    public async Task Renormalised_yes_and_no_equal_a_direct_softmax_over_the_two_tokens()
    {
        // Arrange
        const string prompt = "Is the answer consistent with the reference? Answer:";
        var context = Encode(prompt);
        var yes = Encode(prompt + " yes")[context.Length..];
        var no = Encode(prompt + " no")[context.Length..];
        Assert.That((yes.Length, no.Length), Is.EqualTo((1, 1)), "both candidates are single tokens in this vocabulary");
        var logits = NextTokenLogProbs(context);
        var expected = Math.Exp(logits[yes[0]]) / (Math.Exp(logits[yes[0]]) + Math.Exp(logits[no[0]]));

        // Act
        var result = (await _backend.ScoreAsync([Raw(prompt, " yes", " no")], CancellationToken.None)).Single();

        // Assert
        Assert.That(result.Candidates[0].LogProb, Is.EqualTo(logits[yes[0]]).Within(1e-5));
        Assert.That(result.Candidates[1].LogProb, Is.EqualTo(logits[no[0]]).Within(1e-5));
        Assert.That(result.Renormalised(0), Is.EqualTo(expected).Within(1e-6));
        Assert.That(result.Renormalised(0)!.Value + result.Renormalised(1)!.Value, Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public async Task A_multi_token_candidate_scores_the_sum_of_its_step_by_step_log_probabilities()
    {
        // Arrange
        const string prompt = "Verdict:";
        const string candidate = " the result is consistent";
        var context = Encode(prompt);
        var whole = Encode(prompt + candidate);
        Assert.That(whole[..context.Length], Is.EqualTo(context));
        var tokens = whole[context.Length..];
        Assert.That(tokens.Length, Is.GreaterThan(2));
        var expected = Enumerable.Range(0, tokens.Length).Sum(j => (double)NextTokenLogProbs(whole[..(context.Length + j)])[tokens[j]]);

        // Act
        var score = (await _backend.ScoreAsync([Raw(prompt, candidate)], CancellationToken.None)).Single().Candidates.Single();

        // Assert
        Assert.That(score.LogProb, Is.EqualTo(expected).Within(1e-4));
        Assert.That(score.Tokens, Has.Count.EqualTo(tokens.Length));
        Assert.That(string.Concat(score.Tokens.Select(t => t.Text)).Trim(), Is.EqualTo(candidate.Trim()));
    }

    [Test]
    public async Task A_batch_gives_the_same_scores_as_single_calls()
    {
        // Arrange
        ScoringRequest[] requests =
        [
            Raw("Short:", " YES", " NO"),
            Raw("A much longer prompt that needs left padding in the batch, surely:", " YES", " NO"),
            new("chat", [ChatMessage.User("Is 2+2=4 consistent with 4?")], "", ["YES", "NO", "maybe not"]),
            Raw("Mid length prompt here:", " no way", " YES"),
            Raw("Fifth, in a second batch:", " YES", " NO"),
        ];
        var single = new List<double>();
        foreach (var request in requests)
            single.AddRange((await _backend.ScoreAsync([request], CancellationToken.None)).Single().Candidates.Select(c => c.LogProb));

        // Act
        var batched = (await _backend.ScoreAsync(requests, CancellationToken.None)).SelectMany(r => r.Candidates.Select(c => c.LogProb)).ToList();

        // Assert
        Assert.That(batched, Is.EqualTo(single).Within(1e-5));
        Assert.That(batched, Has.All.LessThan(0));
    }
}
