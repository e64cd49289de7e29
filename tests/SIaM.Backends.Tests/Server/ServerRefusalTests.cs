using System.Net;
using System.Text;
using System.Text.Json;
using SIaM.Backends.Server;
using SIaM.Backends.Tests.Support;

namespace SIaM.Backends.Tests.Server;

/// <summary><c>siam serve</c>'s server under bad and excessive requests on 127.0.0.1: JSON errors, and it keeps serving.</summary>
[TestFixture]
public sealed class ServerRefusalTests
{
    private static StringContent Chat(string model, string content = "1+1?") => new(
        JsonSerializer.Serialize(new { model, messages = new[] { new { role = "user", content } } }), Encoding.UTF8, "application/json");

    [TestCase("{oops", "not valid JSON")]
    [TestCase("[1, 2]", "must be a JSON object")]
    [TestCase("", "not valid JSON")]
    [TestCase("""{"model": "echo"}""", "'messages' must be a non-empty array")]
    [TestCase("""{"model": "echo", "messages": [{"role": "user", "content": "x"}], "temperature": -1}""", "'temperature' must be a number")]
    [TestCase("""{"model": "echo", "messages": [{"role": "user", "content": "x"}], "top_p": 2}""", "'top_p' must be a number")]
    [TestCase("""{"model": "echo", "messages": [{"role": "user", "content": "x"}], "max_tokens": "many"}""", "'max_tokens' must be an integer")]
    public async Task A_malformed_request_gets_400_with_a_json_error_and_the_server_keeps_serving(string body, string reason)
    {
        // Arrange
        await using var server = await OpenAiCompatibleServer.StartAsync(
            new EchoBackend(),
            new OpenAiServerOptions(Port: 0, ModelName: "echo"),
            CancellationToken.None);
        using var http = new HttpClient();

        // Act
        var bad = await http.PostAsync(server.BaseAddress + "/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        var good = await http.PostAsync(server.BaseAddress + "/chat/completions", Chat("echo"));

        // Assert
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(reason));
        Assert.That(error.GetProperty("code").GetInt32(), Is.EqualTo(400));
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_oversized_body_gets_413_with_a_json_error_and_the_server_keeps_serving()
    {
        // Arrange
        var options = new OpenAiServerOptions(Port: 0, ModelName: "echo") { MaxRequestBodyBytes = 4096 };
        await using var server = await OpenAiCompatibleServer.StartAsync(new EchoBackend(), options, CancellationToken.None);
        using var http = new HttpClient();

        // Act
        var big = await http.PostAsync(server.BaseAddress + "/chat/completions", Chat("echo", new string('x', 10_000)));
        var good = await http.PostAsync(server.BaseAddress + "/chat/completions", Chat("echo"));

        // Assert
        Assert.That(big.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        var error = JsonDocument.Parse(await big.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("larger than this server accepts"));
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Requests_beyond_the_queue_get_429_with_retry_after_and_the_queued_ones_still_complete()
    {
        // Arrange: a model that holds requests, and a queue of 3
        var model = new GatedBackend();
        var options = new OpenAiServerOptions(Port: 0, ModelName: "gated", MaxQueuedRequests: 3);
        await using var server = await OpenAiCompatibleServer.StartAsync(model, options, CancellationToken.None);
        using var http = new HttpClient();
        var queued = Enumerable.Range(0, 3).Select(_ => http.PostAsync(server.BaseAddress + "/chat/completions", Chat("gated"))).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (model.Waiting < 1 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await Task.Delay(200); // the other two are queued behind the first batch

        // Act
        var refused = await http.PostAsync(server.BaseAddress + "/chat/completions", Chat("gated"));
        model.Open();
        var answered = await Task.WhenAll(queued);

        // Assert
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(OpenAiServerOptions.RetryAfterSeconds)));
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("the server is busy"));
        Assert.That(answered.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
    }
}
