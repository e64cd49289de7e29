using SIaM.Backends.OpenAi;
using SIaM.Backends.Server;
using SIaM.Core.Backends;
using SIaM.TorchSharp;

namespace SIaM.IntegrationTests.Critic;

/// <summary>Token-probability scoring through `siam serve`'s server (completions, echo + logprobs) equals the in-process TorchSharp path.</summary>
public sealed class ServedScoringTests
{
    [Test]
    public async Task Scoring_through_the_served_checkpoint_equals_scoring_in_process()
    {
        // Arrange
        await using var model = TorchSharpBackend.Load(SharedFixtures.TinyLlama);
        await using var server = await OpenAiCompatibleServer.StartAsync(model, new OpenAiServerOptions(Port: 0, ModelName: "tiny"), CancellationToken.None);
        using var client = new OpenAiCandidateScorer(new OpenAiBackendOptions(server.BaseAddress, "tiny", OpenAiApi.Completions));
        ScoringRequest[] requests =
        [
            new("a", [ChatMessage.User("Question: 2+2?\nReference: 4\nOutput: 4")], "Consistent (YES or NO)?", [" YES", " NO"]),
            new("b", [], "判断：结果与参考答案一致吗？回答：", [" YES", " NO", " 是"]),
            new("c", [], "Verdict:", [" the result is consistent"]),
        ];
        // Completions send the plain prompt, so the in-process reference scores the same text as a raw prompt.
        var raw = requests.Select(r => new ScoringRequest(r.Id, [], r.PlainPrompt, r.Candidates)).ToArray();

        // Act
        var direct = await model.ScoreAsync(raw, CancellationToken.None);
        var served = await client.ScoreAsync(requests, CancellationToken.None);

        // Assert
        var expected = direct.SelectMany(r => r.Candidates.Select(c => c.LogProb)).ToList();
        Assert.That(served.SelectMany(r => r.Candidates.Select(c => c.LogProb)), Is.EqualTo(expected).Within(1e-4));
        Assert.That(expected, Has.All.LessThan(0).And.All.GreaterThan(double.NegativeInfinity));
        Assert.That(served.Select(r => r.Renormalised(0)), Is.EqualTo(direct.Select(r => r.Renormalised(0))).Within(1e-4));
    }
}
