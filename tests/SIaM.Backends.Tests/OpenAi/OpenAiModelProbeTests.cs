using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using SIaM.Backends.OpenAi;
using SIaM.Backends.Tests.Support;
using SIaM.Core;

namespace SIaM.Backends.Tests.OpenAi;

[TestFixture]
public sealed class OpenAiModelProbeTests
{
    [Test]
    public async Task The_fingerprint_names_the_model_the_server_reports_with_its_checkpoint_root()
    {
        // Arrange: a vLLM-style /models listing two models, ours served from a checkpoint path
        string? path = null;
        await using var server = await TestHttpServer.StartAsync(async context =>
        {
            path = context.Request.Path;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""
                {"object":"list","data":[{"id":"other","root":"/ckpt/other"},{"id":"qwen-math","root":"/ckpt/step-1200"}]}
                """);
        });

        // Act
        var fingerprint = await OpenAiModelProbe.FingerprintAsync("openai:x", $"{server.BaseAddress}#qwen-math", CancellationToken.None);

        // Assert
        Assert.That(path, Is.EqualTo("/v1/models"));
        Assert.That(fingerprint.Details["reported_model"], Is.EqualTo("qwen-math (root /ckpt/step-1200)"));
        Assert.That(fingerprint.Details["model"], Is.EqualTo("qwen-math"));
        Assert.That(fingerprint.Details["base_url"], Is.EqualTo(server.BaseAddress.AbsoluteUri.TrimEnd('/')));
        Assert.That(fingerprint.Details["api"], Is.EqualTo("chat"));
    }

    [Test]
    public async Task Two_servers_serving_different_checkpoints_under_one_name_give_different_fingerprints()
    {
        // Arrange
        await using var first = await ModelsServer("""{"data":[{"id":"m","root":"/ckpt/step-100"}]}""");
        await using var second = await ModelsServer("""{"data":[{"id":"m","root":"/ckpt/step-200"}]}""");

        // Act
        var a = await OpenAiModelProbe.FingerprintAsync("openai:a", $"{first.BaseAddress}#m", CancellationToken.None);
        var b = await OpenAiModelProbe.FingerprintAsync("openai:b", $"{second.BaseAddress}#m", CancellationToken.None);

        // Assert
        Assert.That(a.Details["reported_model"], Is.Not.EqualTo(b.Details["reported_model"]));
    }

    [Test]
    public async Task A_model_the_server_does_not_list_is_recorded_as_not_reported()
    {
        // Arrange
        await using var server = await ModelsServer("""{"data":[{"id":"someone-else"}]}""");

        // Act
        var fingerprint = await OpenAiModelProbe.FingerprintAsync("openai:x", $"{server.BaseAddress}#qwen-math", CancellationToken.None);

        // Assert
        Assert.That(fingerprint.Details["reported_model"], Is.EqualTo("not reported (the server does not list this model)"));
    }

    [TestCase(404, "", "not reported (HTTP 404)")]
    [TestCase(200, "<html>not json</html>", "not reported (malformed /models response)")]
    [TestCase(200, """{"object":"list"}""", "not reported (malformed /models response)")]
    public async Task A_server_without_a_usable_models_endpoint_is_recorded_as_not_reported(int status, string body, string expected)
    {
        // Arrange
        await using var server = await TestHttpServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(body);
        });

        // Act
        var fingerprint = await OpenAiModelProbe.FingerprintAsync("openai:x", $"{server.BaseAddress}#m", CancellationToken.None);

        // Assert
        Assert.That(fingerprint.Details["reported_model"], Is.EqualTo(expected));
    }

    [Test]
    public async Task A_server_nobody_listens_on_is_refused_at_once_with_the_address_and_the_cause()
    {
        // Arrange: a port that was free a moment ago
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        // Act
        var error = await Assert.ThrowsAsync<InputException>(() =>
            OpenAiModelProbe.FingerprintAsync("openai:x", $"http://127.0.0.1:{port}/v1#m", CancellationToken.None));

        // Assert
        Assert.That(error!.Message, Does.Contain($"cannot connect to http://127.0.0.1:{port}/v1/models").And.Contain("refused"));
    }

    private static Task<TestHttpServer> ModelsServer(string json) => TestHttpServer.StartAsync(async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    });
}
