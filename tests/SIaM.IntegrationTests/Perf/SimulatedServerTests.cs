using System.Net;
using System.Text;
using SIaM.Evaluation;
using SIaM.Perf.Eval;

namespace SIaM.IntegrationTests.Perf;

/// <summary>The simulated OpenAI-compatible server of <c>siam bench eval</c>, over real HTTP on 127.0.0.1.</summary>
public sealed class SimulatedServerTests
{
    [Test]
    public async Task Answers_429_to_a_request_beyond_its_capacity_and_queue()
    {
        // Arrange: two sequences decode, one waits, for 6 s each: the four requests are all in before any of them is
        // answered (sent at once; only a machine stalled for 6 s would spread them further)
        await using var server = await SimulatedServer.StartAsync(
            new SimulatedServerOptions(Capacity: 2, Queue: 1, PrefillSeconds: 6, TokensPerSecond: 1e9), CancellationToken.None);
        using var http = new HttpClient();
        var url = server.ModelSpec["openai:".Length..].Split('#')[0] + "/chat/completions";
        Task<HttpResponseMessage> Ask(int i)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent("""{"model": "sim", "messages": [{"role": "user", "content": "q"}]}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(SIaM.Backends.OpenAi.OpenAiBackend.ProblemIdHeader, $"sim%2F{i}");
            return http.SendAsync(request);
        }

        // Act
        var asked = Enumerable.Range(0, 4).Select(Ask).ToList();
        var first = await await Task.WhenAny(asked);
        var answers = await Task.WhenAll(asked);

        // Assert: the one beyond capacity and queue is refused at once, before any accepted request is answered
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(first.Headers.RetryAfter, Is.Not.Null);
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests), Is.EqualTo(1));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(3));
    }

    [Test]
    public async Task An_eval_with_default_options_grades_every_sample_and_sends_each_round_once()
    {
        // Arrange: a fast server (50 ms a request) and 24 problems of 1 to 3 tool rounds, 5% of programs timing out
        using var temp = new TempDirectory();
        var options = new SimulatedServerOptions(Capacity: 4, Queue: 4, PrefillSeconds: 0.02, TokensPerSecond: 10_000);
        var expectedRequests = Enumerable.Range(0, 24).Sum(i => RoundsOf($"sim/{i}", options) + 1);

        // Act
        var row = await EvalBench.RunAsync(options, 24, TimeSpan.FromMilliseconds(200), new EvalPerformance(), temp.Path, CancellationToken.None);

        // Assert
        Assert.That(row.Correct, Is.EqualTo(24));
        Assert.That(row.Requests, Is.EqualTo(expectedRequests));
        Assert.That(row.Utilisation, Is.GreaterThan(0).And.LessThanOrEqualTo(1.0));
        Assert.That(row.Generate + row.Execute + row.Grade + row.Write, Is.EqualTo(1.0).Within(1e-9));
    }

    private static int RoundsOf(string problemId, SimulatedServerOptions options)
    {
        var round = 0;
        while (SimulatedScript.For(problemId, 0, round, options).Text.Contains("```python", StringComparison.Ordinal)) round++;
        return round;
    }
}
