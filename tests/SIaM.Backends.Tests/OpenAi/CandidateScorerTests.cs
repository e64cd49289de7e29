using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SIaM.Backends.OpenAi;
using SIaM.Backends.Server;
using SIaM.Backends.Tests.Support;
using SIaM.Core;
using SIaM.Core.Backends;

namespace SIaM.Backends.Tests.OpenAi;

public sealed class CandidateScorerTests
{
    private static readonly ScoringRequest Request = new("q#0", [ChatMessage.User("Is 4 consistent with 4?")], "", ["YES", "NO"]);

    private static Task<TestHttpServer> Answering(JsonObject body, List<JsonNode?>? received = null) =>
        TestHttpServer.StartAsync(async context =>
        {
            received?.Add(await JsonNode.ParseAsync(context.Request.Body));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString());
        });

    [Test]
    public async Task Chat_scoring_reads_the_candidates_from_the_first_token_top_logprobs()
    {
        // Arrange
        var received = new List<JsonNode?>();
        var body = JsonNode.Parse("""
            {"choices":[{"index":0,"message":{"role":"assistant","content":"YES"},"logprobs":{"content":[{"token":"YES","logprob":-0.2,
              "top_logprobs":[{"token":"YES","logprob":-0.2},{"token":" NO","logprob":-1.9},{"token":"No","logprob":-3.0}]}]}}]}
            """)!.AsObject();
        await using var server = await Answering(body, received);
        using var scorer = new OpenAiCandidateScorer(Clients.Fast(server.BaseAddress), topLogProbs: 5);

        // Act
        var result = (await scorer.ScoreAsync([Request with { Candidates = ["YES", "NO", "MAYBE"] }], CancellationToken.None)).Single();

        // Assert
        Assert.That(result.Candidates.Select(c => c.LogProb), Is.EqualTo(new[] { -0.2, -1.9, double.NegativeInfinity }));
        Assert.That(result.Renormalised(0), Is.EqualTo(Math.Exp(-0.2) / (Math.Exp(-0.2) + Math.Exp(-1.9))).Within(1e-12));
        Assert.That(received.Single()!["logprobs"]!.GetValue<bool>(), Is.True);
        Assert.That(received.Single()!["top_logprobs"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(received.Single()!["max_tokens"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Completions_scoring_sums_the_echoed_tokens_after_the_prompt()
    {
        // Arrange: prompt "Q\n\n" (3 chars) + candidate " YES" echoed as 4 tokens, then one generated token
        var body = JsonNode.Parse("""
            {"choices":[{"index":0,"text":"Q\n\n YES!","logprobs":{"tokens":["Q","\n\n"," Y","ES","!"],
              "token_logprobs":[null,-0.5,-1.25,-0.5,-9.0],"text_offset":[0,1,3,5,7]}}]}
            """)!.AsObject();
        await using var server = await Answering(body);
        using var scorer = new OpenAiCandidateScorer(Clients.Fast(server.BaseAddress, api: OpenAiApi.Completions));

        // Act
        var result = (await scorer.ScoreAsync([new ScoringRequest("q", [ChatMessage.User("Q")], "", [" YES"])], CancellationToken.None)).Single();

        // Assert
        Assert.That(result.Candidates.Single().LogProb, Is.EqualTo(-1.75));
        Assert.That(result.Candidates.Single().Tokens.Select(t => t.Text), Is.EqualTo(new[] { " Y", "ES" }));
    }

    [Test]
    public async Task A_server_that_returns_no_logprobs_is_a_clear_error_naming_the_alternatives()
    {
        // Arrange
        var body = JsonNode.Parse("""{"choices":[{"index":0,"message":{"role":"assistant","content":"YES"},"finish_reason":"length"}]}""")!.AsObject();
        await using var server = await Answering(body);
        using var scorer = new OpenAiCandidateScorer(Clients.Fast(server.BaseAddress));

        // Act
        var error = await Assert.ThrowsAsync<InputException>(() => scorer.ScoreAsync([Request], CancellationToken.None));

        // Assert
        Assert.That(error!.Message, Does.Contain("returned no log-probabilities").And.Contain("api=completions").And.Contain("--critic-mode text"));
    }

    [Test]
    public async Task Siam_serve_refuses_chat_logprobs_and_echo_for_a_text_only_backend_with_a_clear_error()
    {
        // Arrange
        await using var server = await OpenAiCompatibleServer.StartAsync(
            new EchoBackend(),
            new OpenAiServerOptions(Port: 0, ModelName: "echo"),
            CancellationToken.None);
        using var chat = new OpenAiCandidateScorer(Clients.Fast(server.BaseAddress, model: "echo"));
        using var echo = new OpenAiCandidateScorer(Clients.Fast(server.BaseAddress, model: "echo", api: OpenAiApi.Completions));

        // Act
        var chatError = await Assert.ThrowsAsync<InputException>(() => chat.ScoreAsync([Request], CancellationToken.None));
        var echoError = await Assert.ThrowsAsync<InputException>(() => echo.ScoreAsync([Request], CancellationToken.None));

        // Assert
        Assert.That(chatError!.Message, Does.Contain("HTTP 400").And.Contain("'logprobs' on chat completions is not supported"));
        Assert.That(echoError!.Message, Does.Contain("HTTP 400").And.Contain("needs a model that scores tokens"));
    }
}
