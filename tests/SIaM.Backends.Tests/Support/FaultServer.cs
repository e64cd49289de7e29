using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SIaM.Backends.OpenAi;

namespace SIaM.Backends.Tests.Support;

/// <summary>
/// An OpenAI chat endpoint that injects faults by plan: <c>plan(key, attempt)</c> picks the fault for the
/// <c>attempt</c>-th request (1-based) of a key (<c>problemId#seed</c>). A clean answer is <c>answer:KEY</c>.
/// </summary>
internal sealed class FaultServer : IAsyncDisposable
{
    private readonly Func<string, int, Fault> _plan;
    private TestHttpServer _http = null!;
    private int _inFlight;
    private int _maxInFlight;

    private FaultServer(Func<string, int, Fault> plan) => _plan = plan;

    public Uri BaseAddress => _http.BaseAddress;

    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(2);

    public int RetryAfterSeconds { get; init; }

    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    public ConcurrentDictionary<string, int> CleanAnswers { get; } = new();

    public ConcurrentQueue<Fault> Injected { get; } = new();

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int TotalRequests => Attempts.Values.Sum();

    public static string AnswerFor(string problemId, int seed) => $"answer:{problemId}#{seed}";

    public static async Task<FaultServer> StartAsync(Func<string, int, Fault> plan, TimeSpan? slowDelay = null, int retryAfterSeconds = 0, int port = 0)
    {
        var server = new FaultServer(plan) { SlowDelay = slowDelay ?? TimeSpan.FromSeconds(2), RetryAfterSeconds = retryAfterSeconds };
        server._http = await TestHttpServer.StartAsync(server.HandleAsync, port);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
        try
        {
            await ServeAsync(context, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task ServeAsync(HttpContext context, CancellationToken aborted)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: aborted);
        var problemId = Uri.UnescapeDataString(context.Request.Headers[OpenAiBackend.ProblemIdHeader].ToString());
        var seed = document.RootElement.GetProperty("seed").GetInt32();
        var key = $"{problemId}#{seed}";
        Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
        var attempt = Attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        var fault = _plan(key, attempt);
        if (fault != Fault.None) Injected.Enqueue(fault);

        var success = new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = AnswerFor(problemId, seed) },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 11, ["completion_tokens"] = 5, ["total_tokens"] = 16 },
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(success);

        switch (fault)
        {
            case Fault.None:
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(bytes, aborted);
                await context.Response.CompleteAsync();
                CleanAnswers.AddOrUpdate(key, 1, (_, n) => n + 1);
                return;
            case Fault.ServerError:
                await Error(context, 500, "internal error (injected)", aborted);
                return;
            case Fault.TooManyRequests:
                if (RetryAfterSeconds > 0) context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
                await Error(context, 429, "rate limited (injected)", aborted);
                return;
            case Fault.BadRequest:
                await Error(context, 400, "This model's maximum context length is 4096 tokens (injected)", aborted);
                return;
            case Fault.Unauthorized:
                await Error(context, 401, "Incorrect API key provided (injected)", aborted);
                return;
            case Fault.NotFound:
                await Error(context, 404, "The model does not exist (injected)", aborted);
                return;
            case Fault.Slow:
                await Task.Delay(SlowDelay, aborted);
                return; // the client gave up long ago
            case Fault.Hang:
                await Task.Delay(Timeout.Infinite, aborted);
                return;
            case Fault.Truncated:
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), aborted);
                await context.Response.Body.FlushAsync(aborted);
                context.Abort();
                return;
            case Fault.CutJson:
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), aborted);
                return;
            case Fault.NotJson:
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>502 Bad Gateway</body></html>", aborted);
                return;
            case Fault.Reset:
                context.Abort();
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    private static Task Error(HttpContext context, int status, string message, CancellationToken aborted)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = message } }.ToJsonString(), aborted);
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
