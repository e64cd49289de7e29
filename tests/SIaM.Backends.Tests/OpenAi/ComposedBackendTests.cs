using SIaM.Backends.OpenAi;
using SIaM.Backends.Server;
using SIaM.Backends.Tests.Support;
using SIaM.Core.Backends;

namespace SIaM.Backends.Tests.OpenAi;

[TestFixture]
public sealed class ComposedBackendTests
{
    [Test]
    public async Task A_cached_run_replays_without_the_server_even_with_other_non_semantic_options()
    {
        // Arrange
        using var cache = new TempDirectory();
        var requests = Enumerable.Range(0, 20).Select(i => Requests.Make(i, sample: i % 2, config: new GenerationConfig(Temperature: 1, Seed: 3))).ToArray();
        IReadOnlyList<Completion> first;
        string address;
        await using (var server = await OpenAiCompatibleServer.StartAsync(
            new EchoBackend(),
            new OpenAiServerOptions(Port: 0, ModelName: "echo"),
            CancellationToken.None))
        {
            address = server.BaseAddress.ToString();
            await using var backend = OpenAiBackendFactory.Create($"{address}#echo?concurrency=4", cache.Path);
            first = await backend.GenerateAsync(requests, CancellationToken.None);
        }
        await using var replay = OpenAiBackendFactory.Create($"{address}#echo?concurrency=2&timeout=1&retries=0", cache.Path);

        // Act
        var second = await replay.GenerateAsync(requests, CancellationToken.None);

        // Assert
        Assert.That(first.Select(c => c.Status), Is.All.EqualTo(CompletionStatus.Ok));
        Assert.That(second.Select(c => c.Text), Is.EqualTo(first.Select(c => c.Text)));
        Assert.That(replay.Spec, Is.EqualTo($"openai:{address.TrimEnd('/')}#echo"));
    }
}
