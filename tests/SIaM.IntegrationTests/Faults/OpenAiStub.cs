using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SIaM.IntegrationTests.Faults;

/// <summary>What <see cref="OpenAiStub"/> does with one request.</summary>
public enum StubReply
{
    /// <summary>A clean chat completion.</summary>
    Answer,
    /// <summary>200 with a body that is not JSON.</summary>
    Garbage,
    /// <summary>200 whose body stops halfway (Content-Length promises more).</summary>
    Truncated,
    /// <summary>500 with an OpenAI-style error body.</summary>
    ServerError,
    /// <summary>Stop listening (the server goes away) and drop this connection unanswered.</summary>
    GoAway,
    /// <summary>A clean chat completion, sent only once the test calls <see cref="OpenAiStub.ReleaseHeld"/>.</summary>
    Hold,
}

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 speaking the OpenAI chat API, with faults by plan. The answer to a problem is
/// derived from its id only (<c>gsm8k/7</c> → <c>\boxed{7}</c>), so reruns produce the same completions. It can stop
/// listening and start again on the same port (a server that goes away and comes back).
/// </summary>
public sealed class OpenAiStub : IAsyncDisposable
{
    private readonly Func<int, StubReply> _plan;
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;
    private int _requests;

    private OpenAiStub(Func<int, StubReply> plan, int port)
    {
        _plan = plan;
        Port = port;
    }

    public int Port { get; private set; }

    /// <summary>Requests received so far (1-based numbers are passed to the plan).</summary>
    public int Requests => Volatile.Read(ref _requests);

    private const string RequestLine = ":request-line";

    public string ModelSpec(string options = "") => $"openai:http://127.0.0.1:{Port}/v1#stub{options}";

    public static OpenAiStub Start(Func<int, StubReply>? plan = null)
    {
        var stub = new OpenAiStub(plan ?? (_ => StubReply.Answer), 0);
        stub.Listen();
        return stub;
    }

    /// <summary>Completes when a request planned as <see cref="StubReply.Hold"/> has arrived and is being held.</summary>
    public Task WaitUntilHeldAsync(TimeSpan timeout) => _held.Task.WaitAsync(timeout);

    /// <summary>Answers the held request (and any later one planned as <see cref="StubReply.Hold"/>).</summary>
    public void ReleaseHeld() => _released.TrySetResult();

    /// <summary>Listens again on the same port after <see cref="StubReply.GoAway"/> or <see cref="StopListening"/>.</summary>
    public void Listen()
    {
        _stop = new CancellationTokenSource();
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _accepting = AcceptAsync(listener, _stop.Token);
    }

    public void StopListening()
    {
        _stop.Cancel();
        _listener?.Stop();
        _listener = null;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client, stop));
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var headers = await ReadRequestAsync(stream, stop);
                if (headers[RequestLine].StartsWith("GET ", StringComparison.Ordinal) && headers[RequestLine].Contains("/models", StringComparison.Ordinal))
                {
                    // the run identity asks which model the server serves: answered apart, never counted in the plan
                    await WriteBodyAsync(stream, 200, """{"object": "list", "data": [{"id": "stub", "object": "model"}]}""", stop);
                    return;
                }
                var number = Interlocked.Increment(ref _requests);
                var reply = _plan(number);
                if (reply == StubReply.GoAway)
                {
                    StopListening();
                    return; // dropped unanswered
                }
                if (reply == StubReply.Hold)
                {
                    _held.TrySetResult();
                    await _released.Task.WaitAsync(stop);
                }
                var problem = headers.TryGetValue("x-siam-problem-id", out var id) ? Uri.UnescapeDataString(id) : "unknown";
                await WriteAsync(stream, reply, problem, stop);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }

    private static async Task<Dictionary<string, string>> ReadRequestAsync(NetworkStream stream, CancellationToken stop)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!(buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, stop) == 0) throw new IOException("client closed");
            buffer.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        headers[RequestLine] = lines.Length > 0 ? lines[0] : "";
        var length = headers.TryGetValue("content-length", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, stop);
        return headers;
    }

    private static async Task WriteAsync(NetworkStream stream, StubReply reply, string problem, CancellationToken stop)
    {
        var (status, content) = reply switch
        {
            StubReply.Answer or StubReply.Hold or StubReply.Truncated => (200, Completion(problem)),
            StubReply.Garbage => (200, "<html><body>502 Bad Gateway (injected)</body></html>"),
            StubReply.ServerError => (500, """{"error": {"message": "internal error (injected)"}}"""),
            _ => throw new ArgumentOutOfRangeException(nameof(reply), reply, null),
        };
        await WriteBodyAsync(stream, status, content, stop, truncate: reply == StubReply.Truncated);
    }

    private static async Task WriteBodyAsync(NetworkStream stream, int status, string content, CancellationToken stop, bool truncate = false)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Internal Server Error")}\r\nContent-Type: application/json\r\n" +
                   $"Content-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop);
        await stream.WriteAsync(truncate ? bytes.AsMemory(0, bytes.Length / 2) : bytes, stop);
        await stream.FlushAsync(stop);
    }

    private static string Completion(string problem)
    {
        var index = problem[(problem.LastIndexOf('/') + 1)..];
        return new JsonObject
        {
            ["id"] = "chatcmpl-stub",
            ["object"] = "chat.completion",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = $"The answer is \\boxed{{{index}}}." },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
        }.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        StopListening();
        await _accepting;
        _stop.Dispose();
    }
}
