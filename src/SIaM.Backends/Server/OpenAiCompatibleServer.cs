using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SIaM.Backends.OpenAi;
using SIaM.Core;
using SIaM.Core.Backends;

namespace SIaM.Backends.Server;

/// <summary>
/// Serves any <see cref="IModelBackend"/> over the OpenAI API subset that <see cref="OpenAiBackend"/> uses:
/// <c>GET /v1/models</c>, <c>POST /v1/completions</c>, <c>POST /v1/chat/completions</c> (no streaming). Requests from
/// all clients are batched (<see cref="RequestBatcher"/>), so one in-process checkpoint can feed several eval workers.
/// A failed completion is answered 500 (clients retry); a missing one 422. Bad requests never reach the backend: a
/// malformed one is answered 400, an oversized body 413, and requests beyond the queue 429 with <c>Retry-After</c>;
/// every error body is OpenAI-style JSON. Completions with <c>echo: true</c> return the prompt's token
/// log-probabilities when the backend is an <see cref="ICandidateScorer"/> (<see cref="EchoScoring"/>).
/// </summary>
public sealed class OpenAiCompatibleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestBatcher _batcher;
    private readonly string _modelName;
    private readonly int _maxQueued;
    private long _requestCount;
    private int _queued;

    private OpenAiCompatibleServer(WebApplication app, RequestBatcher batcher, string modelName, int maxQueued)
    {
        _app = app;
        _batcher = batcher;
        _modelName = modelName;
        _maxQueued = maxQueued;
        app.Run(HandleAsync);
    }

    /// <summary>The API root clients use, e.g. <c>http://127.0.0.1:8000/v1</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The model id clients must send.</summary>
    public string ModelName => _modelName;

    /// <summary>The batches passed to the backend so far.</summary>
    public BatchStatistics Statistics => _batcher.Statistics;

    /// <summary>Starts listening; the backend stays owned by the caller.</summary>
    /// <exception cref="InputException">The host is not an IP address or <c>localhost</c>, or the port is out of range.</exception>
    public static async Task<OpenAiCompatibleServer> StartAsync(IModelBackend backend, OpenAiServerOptions options, CancellationToken cancellationToken)
    {
        if (options.Port is < 0 or > 65535) throw new InputException($"port {options.Port} is out of range 0–65535");
        if (options.MaxBatchSize < 1) throw new InputException($"max batch size must be at least 1, not {options.MaxBatchSize}");
        if (options.MaxQueuedRequests < 1) throw new InputException($"max queued requests must be at least 1, not {options.MaxQueuedRequests}");
        if (options.MaxRequestBodyBytes < 1) throw new InputException($"max request body must be at least 1 byte, not {options.MaxRequestBodyBytes}");
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            if (options.Host == "localhost") kestrel.ListenLocalhost(options.Port);
            else if (IPAddress.TryParse(options.Host, out var address)) kestrel.Listen(address, options.Port);
            else throw new InputException($"host '{options.Host}' must be an IP address (127.0.0.1, 0.0.0.0) or localhost");
        });
        var app = builder.Build();
        var server = new OpenAiCompatibleServer(app, new RequestBatcher(backend, options), options.ModelName ?? backend.Spec, options.MaxQueuedRequests);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server._batcher.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        try
        {
            var (method, path) = (context.Request.Method, context.Request.Path.Value?.TrimEnd('/') ?? "");
            JsonObject body = (method, path) switch
            {
                ("GET", "/v1/models") => ServerResponses.Models(_modelName),
                ("POST", "/v1/chat/completions") => await GenerateAsync(context, chat: true, aborted).ConfigureAwait(false),
                ("POST", "/v1/completions") => await GenerateAsync(context, chat: false, aborted).ConfigureAwait(false),
                _ => throw new ServerRequestException(404,
                    $"no endpoint {method} {path}; this server offers GET /v1/models, POST /v1/completions, POST /v1/chat/completions"),
            };
            await WriteAsync(context, 200, body, aborted).ConfigureAwait(false);
        }
        catch (ServerRequestException e) when (!context.Response.HasStarted)
        {
            if (e.Status == 429)
                context.Response.Headers.RetryAfter =
                    OpenAiServerOptions.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteAsync(context, e.Status, ServerResponses.Error(e.Status, e.Message), aborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // Kestrel's own refusals: a body over the limit (413), a truncated or malformed one (400).
            var status = e.StatusCode is >= 400 and < 500 ? e.StatusCode : 400;
            var message = status == 413 ? $"the request body is larger than this server accepts: {e.Message}" : $"malformed request: {e.Message}";
            await WriteAsync(context, status, ServerResponses.Error(status, message), aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, 500, ServerResponses.Error(500, $"{e.GetType().Name}: {e.Message}"), aborted).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject> GenerateAsync(HttpContext context, bool chat, CancellationToken aborted)
    {
        if (Interlocked.Increment(ref _queued) > _maxQueued)
        {
            Interlocked.Decrement(ref _queued);
            throw new ServerRequestException(
                429,
                $"the server is busy: {_maxQueued} requests are already queued; retry after {OpenAiServerOptions.RetryAfterSeconds} s");
        }
        try
        {
            return await GenerateQueuedAsync(context, chat, aborted).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    private async Task<JsonObject> GenerateQueuedAsync(HttpContext context, bool chat, CancellationToken aborted)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: aborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new ServerRequestException(400, $"the body is not valid JSON: {e.Message}");
        }
        var number = Interlocked.Increment(ref _requestCount);
        var problemId = context.Request.Headers[OpenAiBackend.ProblemIdHeader].FirstOrDefault() is { Length: > 0 } escaped
            ? Uri.UnescapeDataString(escaped)
            : $"request-{number}";
        if (!chat && EchoScoring.Requested(document.RootElement))
            using (document)
                return await EchoScoring.ScoreAsync(_batcher.Scorer, document.RootElement, _modelName, $"cmpl-{number}", aborted).ConfigureAwait(false);
        if (chat
            && document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("logprobs", out var logprobs)
            && logprobs.ValueKind == JsonValueKind.True)
        {
            document.Dispose();
            throw new ServerRequestException(400, "'logprobs' on chat completions is not supported; score with POST /v1/completions and 'echo': true");
        }
        IReadOnlyList<GenerationRequest> requests;
        using (document) requests = ServerRequestParser.Parse(document.RootElement, chat, _modelName, problemId);

        var completions = await Task.WhenAll(requests.Select(r => _batcher.GenerateAsync(r, aborted))).ConfigureAwait(false);
        if (completions.FirstOrDefault(c => c.Status != CompletionStatus.Ok) is { } failed)
            throw new ServerRequestException(
                failed.Status == CompletionStatus.Missing ? 422 : 500,
                $"the backend has no completion ({failed.Status}): {failed.Error}");
        return ServerResponses.Generation(chat, $"{(chat ? "chatcmpl" : "cmpl")}-{number}", _modelName, completions);
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body, CancellationToken aborted)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonText.Write(body), aborted).ConfigureAwait(false);
    }

    /// <summary>Stops listening (in-flight requests are cancelled) and stops the batcher.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        await _batcher.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Completes when the server is stopping (e.g. on Ctrl+C when hosted by the CLI).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);
}
