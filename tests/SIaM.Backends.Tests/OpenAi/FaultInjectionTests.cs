using System.Diagnostics;
using SIaM.Backends.OpenAi;
using SIaM.Backends.Tests.Support;
using SIaM.Core.Backends;

namespace SIaM.Backends.Tests.OpenAi;

[TestFixture]
public sealed class FaultInjectionTests
{
    private static readonly Fault[] Transient =
        [Fault.ServerError, Fault.TooManyRequests, Fault.Slow, Fault.Truncated, Fault.CutJson, Fault.NotJson, Fault.Reset];

    [Test]
    public async Task Two_hundred_requests_with_random_faults_are_all_answered_exactly_once_and_in_order()
    {
        // Arrange
        var random = new Random(20261128);
        var config = new GenerationConfig(Temperature: 0.7, Seed: 1000);
        var requests = Enumerable.Range(0, 100).SelectMany(p => new[] { Requests.Make(p, 0, config: config), Requests.Make(p, 1, config: config) }).ToArray();
        var plans = requests.ToDictionary(
            r => $"{r.ProblemId}#{SampleSeed.MixToInt(r.Config.Seed, r.ProblemId, r.SampleIndex)}",
            _ => Enumerable.Range(0, random.Next(4)).Select(_ => Transient[random.Next(Transient.Length)]).ToArray());
        await using var server = await FaultServer.StartAsync(
            (key, attempt) => attempt <= plans[key].Length ? plans[key][attempt - 1] : Fault.None, slowDelay: TimeSpan.FromSeconds(3));
        await using var backend = new ConcurrencyLimitedBackend(Clients.Backend(Clients.Fast(server.BaseAddress)), maxConcurrency: 16);

        // Act
        var completions = await backend.GenerateAsync(requests, CancellationToken.None);

        // Assert
        Assert.That(completions, Has.Count.EqualTo(200));
        Assert.That(
            completions.Select(c => c.Status),
            Is.All.EqualTo(CompletionStatus.Ok),
            string.Join("\n", completions.Select(c => c.Error).Where(e => e is not null)));
        Assert.That(completions.Select(c => c.Text),
            Is.EqualTo(requests.Select(r => FaultServer.AnswerFor(r.ProblemId, SampleSeed.MixToInt(r.Config.Seed, r.ProblemId, r.SampleIndex)))));
        Assert.That(server.CleanAnswers.Keys, Is.EquivalentTo(plans.Keys));
        Assert.That(server.CleanAnswers.Values, Is.All.EqualTo(1), "a sample was answered more than once");
        Assert.That(server.Attempts.ToDictionary(), Is.EqualTo(plans.ToDictionary(p => p.Key, p => p.Value.Length + 1)));
        Assert.That(server.Injected.Distinct(), Is.EquivalentTo(Transient), "every kind of fault was injected");
        Assert.That(server.MaxInFlight, Is.GreaterThan(1), "requests ran concurrently (the bound itself is tested on ConcurrencyLimitedBackend)");
    }

    [TestCase(Fault.ServerError)]
    [TestCase(Fault.TooManyRequests)]
    [TestCase(Fault.Slow)]
    [TestCase(Fault.Truncated)]
    [TestCase(Fault.CutJson)]
    [TestCase(Fault.NotJson)]
    [TestCase(Fault.Reset)]
    public async Task A_transient_fault_is_retried_and_the_retry_answers(Fault fault)
    {
        // Arrange
        await using var server = await FaultServer.StartAsync((_, attempt) => attempt == 1 ? fault : Fault.None, slowDelay: TimeSpan.FromSeconds(3));
        await using var backend = Clients.Backend(Clients.Fast(server.BaseAddress));

        // Act
        var completions = await backend.GenerateAsync([Requests.Make(7)], CancellationToken.None);

        // Assert
        Assert.That(completions[0].Status, Is.EqualTo(CompletionStatus.Ok), completions[0].Error);
        Assert.That(completions[0].Text, Is.EqualTo(FaultServer.AnswerFor("test/7", SampleSeed.MixToInt(0, "test/7", 0))));
        Assert.That(completions[0].PromptTokens, Is.EqualTo(11));
        Assert.That(server.TotalRequests, Is.EqualTo(2));
    }

    [Test]
    public async Task Retry_after_of_a_429_is_honoured()
    {
        // Arrange
        await using var server = await FaultServer.StartAsync((_, attempt) => attempt == 1 ? Fault.TooManyRequests : Fault.None, retryAfterSeconds: 1);
        var options = Clients.Fast(server.BaseAddress) with { MaxDelay = TimeSpan.FromSeconds(10) };
        await using var backend = Clients.Backend(options);
        var clock = Stopwatch.StartNew();

        // Act
        var completions = await backend.GenerateAsync([Requests.Make(1)], CancellationToken.None);

        // Assert
        Assert.That(completions[0].Status, Is.EqualTo(CompletionStatus.Ok));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "base delay is 5 ms; only Retry-After explains a 1 s wait");
    }

    [Test]
    public async Task A_request_that_keeps_failing_becomes_a_failed_completion_after_its_retries()
    {
        // Arrange
        await using var server = await FaultServer.StartAsync((_, _) => Fault.ServerError);
        await using var backend = Clients.Backend(Clients.Fast(server.BaseAddress, retries: 2));

        // Act
        var completions = await backend.GenerateAsync([Requests.Make(1)], CancellationToken.None);

        // Assert
        Assert.That(completions[0].Status, Is.EqualTo(CompletionStatus.Error));
        Assert.That(completions[0].Error, Does.Contain("gave up after 3 attempts").And.Contain("HTTP 500").And.Contain("internal error (injected)"));
        Assert.That(server.TotalRequests, Is.EqualTo(3));
    }

    [Test]
    public async Task Unauthorized_fails_the_batch_at_once_with_a_clear_message()
    {
        // Arrange
        await using var server = await FaultServer.StartAsync((_, _) => Fault.Unauthorized);
        await using var backend = Clients.Backend(Clients.Fast(server.BaseAddress));

        // Act
        var failure = await Assert.ThrowsAsync<BackendRequestException>(() => backend.GenerateAsync(Requests.Many(5), CancellationToken.None));

        // Assert
        Assert.That(
            failure!.Message,
            Does.Contain("HTTP 401").And.Contain("Incorrect API key provided").And.Contain("SIAM_TEST_KEY").And.Contain("not retried"));
        Assert.That(server.Attempts.Values, Is.All.EqualTo(1));
    }

    [Test]
    public async Task Not_found_names_the_model_and_is_not_retried()
    {
        // Arrange
        await using var server = await FaultServer.StartAsync((_, _) => Fault.NotFound);
        await using var backend = Clients.Backend(Clients.Fast(server.BaseAddress, model: "qwen-typo"));

        // Act
        var failure = await Assert.ThrowsAsync<BackendRequestException>(() => backend.GenerateAsync([Requests.Make(1)], CancellationToken.None));

        // Assert
        Assert.That(failure!.Message, Does.Contain("HTTP 404").And.Contain("'qwen-typo'").And.Contain(server.BaseAddress.ToString()));
        Assert.That(server.TotalRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task Bad_request_fails_only_that_request_without_retries()
    {
        // Arrange
        await using var server = await FaultServer.StartAsync((key, _) => key.StartsWith("test/1#", StringComparison.Ordinal) ? Fault.BadRequest : Fault.None);
        await using var backend = Clients.Backend(Clients.Fast(server.BaseAddress));

        // Act
        var completions = await backend.GenerateAsync(Requests.Many(3), CancellationToken.None);

        // Assert
        Assert.That(completions.Select(c => c.Status), Is.EqualTo(new[] { CompletionStatus.Ok, CompletionStatus.Error, CompletionStatus.Ok }));
        Assert.That(completions[1].Error, Does.Contain("HTTP 400").And.Contain("maximum context length"));
        Assert.That(server.Attempts[$"test/1#{SampleSeed.MixToInt(0, "test/1", 0)}"], Is.EqualTo(1));
    }

    [Test]
    public async Task A_server_that_is_not_running_fails_each_request_with_a_clear_message_and_later_ones_without_retries()
    {
        // Arrange
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var backend = Clients.Backend(Clients.Fast(new Uri($"http://127.0.0.1:{port}/v1"), retries: 2));

        // Act
        var first = await backend.GenerateAsync(Requests.Many(4), CancellationToken.None);
        var later = await backend.GenerateAsync(Requests.Many(3), CancellationToken.None);

        // Assert
        Assert.That(first.Select(c => c.Status), Is.All.EqualTo(CompletionStatus.Error));
        Assert.That(
            first[0].Error,
            Does.StartWith($"cannot connect to http://127.0.0.1:{port}/v1/chat/completions after 3 attempts")
                .And.Contain("is the server running?"));
        Assert.That(later.Select(c => c.Status), Is.All.EqualTo(CompletionStatus.Error));
        Assert.That(later.Select(c => c.Error), Is.All.Contain("after 1 attempt:").And.All.Contain("already unreachable"));
    }

    [Test]
    public async Task A_server_that_comes_back_answers_again_after_the_endpoint_was_declared_unreachable()
    {
        // Arrange: a port nobody listens on, then a real server on that same port
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var backend = Clients.Backend(Clients.Fast(new Uri($"http://127.0.0.1:{port}/v1"), retries: 1));
        var down = await backend.GenerateAsync(Requests.Many(2), CancellationToken.None);
        await using var server = await FaultServer.StartAsync((_, _) => Fault.None, port: port);

        // Act
        var back = await backend.GenerateAsync(Requests.Many(2), CancellationToken.None);

        // Assert
        Assert.That(down.Select(c => c.Status), Is.All.EqualTo(CompletionStatus.Error));
        Assert.That(back.Select(c => c.Status), Is.All.EqualTo(CompletionStatus.Ok), string.Join("\n", back.Select(c => c.Error)));
    }

    [Test]
    public async Task Cancellation_stops_a_batch_that_waits_on_a_hung_server()
    {
        // Arrange
        await using var server = await FaultServer.StartAsync((_, _) => Fault.Hang);
        await using var backend = new ConcurrencyLimitedBackend(
            Clients.Backend(Clients.Fast(server.BaseAddress) with { AttemptTimeout = TimeSpan.FromMinutes(5) }), maxConcurrency: 2);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        // Act
        var failure = await Assert.CatchAsync<OperationCanceledException>(() => backend.GenerateAsync(Requests.Many(6), cancel.Token));

        // Assert
        Assert.That(failure, Is.Not.Null);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task The_api_key_comes_from_the_environment_variable_of_the_options()
    {
        // Arrange
        await using var server = await FaultServer.StartAsync((_, _) => Fault.None);
        await using var backend = Clients.Backend(Clients.Fast(server.BaseAddress), apiKey: "sk-local-test");

        // Act
        await backend.GenerateAsync(Requests.Many(2), CancellationToken.None);

        // Assert
        Assert.That(server.Authorizations, Is.All.EqualTo("Bearer sk-local-test"));
    }
}
