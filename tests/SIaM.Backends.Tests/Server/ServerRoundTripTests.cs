using System.Net;
using System.Text;
using System.Text.Json;
using SIaM.Backends.OpenAi;
using SIaM.Backends.Server;
using SIaM.Backends.Tests.Support;
using SIaM.Core.Backends;

namespace SIaM.Backends.Tests.Server;

[TestFixture]
public sealed class ServerRoundTripTests
{
    private static readonly GenerationConfig Sampled = new(Temperature: 0.8, TopP: 0.95, TopK: 20, MaxNewTokens: 300, Stop: ["```output", "\n\n\n"], Seed: 42);

    [Test]
    public async Task Chat_requests_reach_the_served_backend_intact_and_come_back_in_order()
    {
        // Arrange
        var model = new EchoBackend();
        await using var server = await OpenAiCompatibleServer.StartAsync(model, new OpenAiServerOptions(Port: 0, ModelName: "echo"), CancellationToken.None);
        await using var client = new ConcurrencyLimitedBackend(Clients.Backend(Clients.Fast(server.BaseAddress, model: "echo")), 8);
        var requests = Enumerable.Range(0, 40)
            .Select(i => Requests.Make(i, sample: i % 3, prefix: i % 2 == 0 ? "" : $"Let me write code {i}:\n```python\n", config: Sampled))
            .ToArray();

        // Act
        var completions = await client.GenerateAsync(requests, CancellationToken.None);

        // Assert: the client sends the mixed per-sample seed, so the served backend sees sample 0 with that seed
        var expected = requests.Select(r => EchoBackend.Answer(r with
        {
            SampleIndex = 0,
            Config = r.Config with { Seed = SampleSeed.MixToInt(r.Config.Seed, r.ProblemId, r.SampleIndex) },
        }));
        Assert.That(completions.Select(c => c.Text), Is.EqualTo(expected));
        Assert.That(completions.Select(c => c.CompletionTokens), Is.All.EqualTo(7));
        Assert.That(completions[1].PromptTokens, Is.EqualTo(requests[1].PlainPrompt.Length));
        Assert.That(server.Statistics.Requests, Is.EqualTo(40));
        Assert.That(server.Statistics.Largest, Is.InRange(2, 8), "requests from concurrent clients are batched, at most 8 at once");
        Assert.That(model.BatchSizes.Sum(), Is.EqualTo(40));
    }

    [Test]
    public async Task Completion_requests_pass_the_plain_prompt_as_the_assistant_prefix()
    {
        // Arrange
        var model = new EchoBackend();
        await using var server = await OpenAiCompatibleServer.StartAsync(model, new OpenAiServerOptions(Port: 0, ModelName: "echo"), CancellationToken.None);
        await using var client = Clients.Backend(Clients.Fast(server.BaseAddress, model: "echo", api: OpenAiApi.Completions));
        var request = Requests.Make(5, prefix: "```python\n", config: Sampled);

        // Act
        var completions = await client.GenerateAsync([request], CancellationToken.None);

        // Assert
        var seen = model.Received.Single();
        Assert.That(seen.Messages, Is.Empty);
        Assert.That(seen.AssistantPrefix, Is.EqualTo(request.PlainPrompt));
        Assert.That(seen.PlainPrompt, Is.EqualTo(request.PlainPrompt));
        Assert.That(seen.ProblemId, Is.EqualTo("test/5"));
        Assert.That(seen.Config, Is.EqualTo(Sampled).Using<GenerationConfig>((a, b) =>
            a.Temperature == b.Temperature && a.TopP == b.TopP && a.TopK == b.TopK && a.MaxNewTokens == b.MaxNewTokens
            && a.Seed == SampleSeed.MixToInt(b.Seed, "test/5", 0) && a.StopSequences.SequenceEqual(b.StopSequences)));
        Assert.That(completions[0].Text, Is.EqualTo(EchoBackend.Answer(seen)));
    }

    [Test]
    public async Task A_wrong_model_name_is_a_clear_404_that_the_client_does_not_retry()
    {
        // Arrange
        await using var server = await OpenAiCompatibleServer.StartAsync(
            new EchoBackend(),
            new OpenAiServerOptions(Port: 0, ModelName: "echo"),
            CancellationToken.None);
        await using var client = Clients.Backend(Clients.Fast(server.BaseAddress, model: "other"));

        // Act
        var failure = await Assert.ThrowsAsync<BackendRequestException>(() => client.GenerateAsync([Requests.Make(1)], CancellationToken.None));

        // Assert
        Assert.That(failure!.Message, Does.Contain("HTTP 404").And.Contain("The model 'other' does not exist; this server serves 'echo'"));
        Assert.That(server.Statistics, Is.EqualTo(BatchStatistics.None));
    }

    [Test]
    public async Task Models_lists_the_served_model_and_bad_bodies_get_400_with_the_reason()
    {
        // Arrange
        await using var server = await OpenAiCompatibleServer.StartAsync(
            new EchoBackend("echo:spec"),
            new OpenAiServerOptions(Port: 0),
            CancellationToken.None);
        using var http = new HttpClient();

        // Act
        var models = await http.GetStringAsync(server.BaseAddress + "/models");
        var notJson = await http.PostAsync(server.BaseAddress + "/chat/completions", new StringContent("{oops", Encoding.UTF8, "application/json"));
        var streaming = await http.PostAsync(server.BaseAddress + "/completions",
            new StringContent("""{"model":"echo:spec","prompt":"1+1=","stream":true}""", Encoding.UTF8, "application/json"));
        var unknown = await http.GetAsync(server.BaseAddress + "/embeddings");

        // Assert
        Assert.That(JsonDocument.Parse(models).RootElement.GetProperty("data")[0].GetProperty("id").GetString(), Is.EqualTo("echo:spec"));
        Assert.That(notJson.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await notJson.Content.ReadAsStringAsync(), Does.Contain("not valid JSON"));
        Assert.That(streaming.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await streaming.Content.ReadAsStringAsync(), Does.Contain("'stream': true is not supported"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_failing_backend_is_answered_500_and_the_client_reports_it_after_retrying()
    {
        // Arrange
        await using var server = await OpenAiCompatibleServer.StartAsync(
            new FailingBackend(),
            new OpenAiServerOptions(Port: 0, ModelName: "x"),
            CancellationToken.None);
        await using var client = Clients.Backend(Clients.Fast(server.BaseAddress, model: "x", retries: 1));

        // Act
        var completions = await client.GenerateAsync([Requests.Make(1)], CancellationToken.None);

        // Assert
        Assert.That(completions[0].Status, Is.EqualTo(CompletionStatus.Error));
        Assert.That(completions[0].Error, Does.Contain("HTTP 500").And.Contain("out of GPU memory (test)"));
        Assert.That(server.Statistics.Batches, Is.EqualTo(2));
    }

    private sealed class FailingBackend : IModelBackend
    {
        public string Spec => "failing:";

        public Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Completion>>(requests.Select(_ => Completion.Failed("out of GPU memory (test)")).ToArray());

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
