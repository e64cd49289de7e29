using SIaM.Backends.Caching;
using SIaM.Backends.Tests.Support;
using SIaM.Core;
using SIaM.Core.Backends;

namespace SIaM.Backends.Tests.Caching;

[TestFixture]
public sealed class CachingBackendTests
{
    [Test]
    public async Task A_second_run_is_answered_from_disk_without_calling_the_model()
    {
        // Arrange
        using var directory = new TempDirectory();
        var requests = Requests.Many(10);
        var firstModel = new EchoBackend();
        await using (var first = new CachingBackend(firstModel, directory.Path))
            await first.GenerateAsync(requests, CancellationToken.None);
        var secondModel = new EchoBackend();
        await using var second = new CachingBackend(secondModel, directory.Path);

        // Act
        var completions = await second.GenerateAsync(requests, CancellationToken.None);

        // Assert
        Assert.That(completions.Select(c => c.Text), Is.EqualTo(requests.Select(EchoBackend.Answer)));
        Assert.That(completions[0].CompletionTokens, Is.EqualTo(7));
        Assert.That(secondModel.Received, Is.Empty);
        Assert.That((second.Hits, second.Misses), Is.EqualTo((10L, 0L)));
    }

    [Test]
    public async Task Samples_are_never_collapsed_even_when_greedy()
    {
        // Arrange
        using var directory = new TempDirectory();
        var model = new EchoBackend();
        await using var cache = new CachingBackend(model, directory.Path);
        var samples = Enumerable.Range(0, 4).Select(i => Requests.Make(1, sample: i)).ToArray();

        // Act
        await cache.GenerateAsync(samples, CancellationToken.None);
        await cache.GenerateAsync(samples, CancellationToken.None);

        // Assert
        Assert.That(model.Received.Select(r => r.SampleIndex), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That((cache.Hits, cache.Misses), Is.EqualTo((4L, 4L)));
    }

    private static IEnumerable<TestCaseData> SemanticChanges()
    {
        var baseRequest = Requests.Make(1);
        yield return new TestCaseData(baseRequest with { AssistantPrefix = "```python\n" }).SetArgDisplayNames("prefix");
        yield return new TestCaseData(baseRequest with { Messages = [ChatMessage.User("What is 1 + 1?")] }).SetArgDisplayNames("messages");
        yield return new TestCaseData(baseRequest with { Config = baseRequest.Config with { Temperature = 0.5 } }).SetArgDisplayNames("temperature");
        yield return new TestCaseData(baseRequest with { Config = baseRequest.Config with { TopP = 0.9 } }).SetArgDisplayNames("top_p");
        yield return new TestCaseData(baseRequest with { Config = baseRequest.Config with { TopK = 5 } }).SetArgDisplayNames("top_k");
        yield return new TestCaseData(baseRequest with { Config = baseRequest.Config with { MaxNewTokens = 5 } }).SetArgDisplayNames("max_new_tokens");
        yield return new TestCaseData(baseRequest with { Config = baseRequest.Config with { Stop = ["```output"] } }).SetArgDisplayNames("stop");
        yield return new TestCaseData(baseRequest with { Config = baseRequest.Config with { Seed = 1 } }).SetArgDisplayNames("seed");
        yield return new TestCaseData(baseRequest with { SampleIndex = 1 }).SetArgDisplayNames("sample_index");
    }

    [TestCaseSource(nameof(SemanticChanges))]
    public async Task Any_semantic_change_is_a_miss(GenerationRequest changed)
    {
        // Arrange
        using var directory = new TempDirectory();
        var model = new EchoBackend();
        await using var cache = new CachingBackend(model, directory.Path);
        await cache.GenerateAsync([Requests.Make(1)], CancellationToken.None);

        // Act
        await cache.GenerateAsync([changed], CancellationToken.None);

        // Assert
        Assert.That((cache.Hits, cache.Misses), Is.EqualTo((0L, 2L)));
    }

    [Test]
    public async Task The_problem_id_is_not_semantic_and_another_backend_identity_is()
    {
        // Arrange
        using var directory = new TempDirectory();
        await using (var a = new CachingBackend(new EchoBackend(), directory.Path, identity: "openai:http://h/v1#a"))
            await a.GenerateAsync([Requests.Make(1)], CancellationToken.None);
        await using var sameModel = new CachingBackend(new EchoBackend(), directory.Path, identity: "openai:http://h/v1#a");
        await using var otherModel = new CachingBackend(new EchoBackend(), directory.Path, identity: "openai:http://h/v1#b");

        // Act
        await sameModel.GenerateAsync([Requests.Make(1) with { ProblemId = "renamed/1" }], CancellationToken.None);
        await otherModel.GenerateAsync([Requests.Make(1)], CancellationToken.None);

        // Assert
        Assert.That(sameModel.Hits, Is.EqualTo(1));
        Assert.That(otherModel.Misses, Is.EqualTo(1));
    }

    [Test]
    public async Task Failed_completions_are_not_cached()
    {
        // Arrange
        using var directory = new TempDirectory();
        var model = new ScriptedBackend(_ => Completion.Failed("HTTP 500"));
        await using var cache = new CachingBackend(model, directory.Path);

        // Act
        await cache.GenerateAsync([Requests.Make(1)], CancellationToken.None);
        await cache.GenerateAsync([Requests.Make(1)], CancellationToken.None);

        // Assert
        Assert.That(model.Calls, Is.EqualTo(2));
        Assert.That(Directory.GetFiles(directory.Path), Is.Empty);
    }

    [Test]
    public async Task A_torn_last_line_from_a_crash_is_ignored()
    {
        // Arrange
        using var directory = new TempDirectory();
        await using (var first = new CachingBackend(new EchoBackend(), directory.Path))
            await first.GenerateAsync(Requests.Many(3), CancellationToken.None);
        var segment = Directory.GetFiles(directory.Path).Single();
        File.AppendAllText(segment, """{"key":"abc","text":"half""");
        var model = new EchoBackend();
        await using var second = new CachingBackend(model, directory.Path);

        // Act
        await second.GenerateAsync(Requests.Many(3), CancellationToken.None);

        // Assert
        Assert.That(second.Hits, Is.EqualTo(3));
    }

    [Test]
    public async Task A_corrupt_line_in_the_middle_is_an_error_naming_file_and_line()
    {
        // Arrange
        using var directory = new TempDirectory();
        await using (var first = new CachingBackend(new EchoBackend(), directory.Path))
            await first.GenerateAsync(Requests.Many(3), CancellationToken.None);
        var segment = Directory.GetFiles(directory.Path).Single();
        var lines = File.ReadAllLines(segment);
        lines[1] = "garbage";
        File.WriteAllLines(segment, lines);

        // Act
        var failure = Assert.Throws<InputException>(() => _ = new CachingBackend(new EchoBackend(), directory.Path));

        // Assert
        Assert.That(failure!.Message, Does.StartWith($"{segment}:2: not a cache entry"));
    }

    [Test]
    public async Task Concurrent_callers_and_two_instances_share_one_directory_safely()
    {
        // Arrange
        using var directory = new TempDirectory();
        var a = new CachingBackend(new EchoBackend(), directory.Path);
        var b = new CachingBackend(new EchoBackend(), directory.Path);
        var requests = Requests.Many(200);

        // Act
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            (i % 2 == 0 ? a : b).GenerateAsync(requests.Skip(i * 10 % 200).Take(40).ToArray(), CancellationToken.None)));
        await a.DisposeAsync();
        await b.DisposeAsync();
        var segments = Directory.GetFiles(directory.Path);
        var model = new EchoBackend();
        await using var reader = new CachingBackend(model, directory.Path);
        var completions = await reader.GenerateAsync(requests, CancellationToken.None);

        // Assert
        Assert.That(segments, Has.Length.EqualTo(2), "one segment per writer");
        Assert.That(completions.Select(c => c.Text), Is.EqualTo(requests.Select(EchoBackend.Answer)));
        Assert.That(model.Received.Count, Is.EqualTo(200 - 190), "the 190 requests asked before were on disk");
    }

    [Test]
    public async Task Duplicate_requests_in_one_batch_reach_the_model_once()
    {
        // Arrange
        using var directory = new TempDirectory();
        var model = new EchoBackend();
        await using var cache = new CachingBackend(model, directory.Path);
        var request = Requests.Make(3);

        // Act
        var completions = await cache.GenerateAsync([request, Requests.Make(4), request], CancellationToken.None);

        // Assert
        Assert.That(model.Received, Has.Count.EqualTo(2));
        Assert.That(completions[2].Text, Is.EqualTo(completions[0].Text));
    }

    private sealed class ScriptedBackend(Func<GenerationRequest, Completion> answer) : IModelBackend
    {
        private int _calls;

        public int Calls => _calls;

        public string Spec => "scripted:";

        public Task<IReadOnlyList<Completion>> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult<IReadOnlyList<Completion>>(requests.Select(answer).ToArray());
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
