using System.Net;
using System.Net.Sockets;

namespace SIaM.Data.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 that serves bytes by path (with an optional override per path).</summary>
internal sealed class LocalFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, byte[]?> _content;
    private readonly Task _loop;

    public LocalFileServer(Func<string, byte[]?> content)
    {
        _content = content;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri UrlOf(string path) => new($"http://127.0.0.1:{Port}/{path}");

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            var body = _content(context.Request.Url!.AbsolutePath.TrimStart('/'));
            context.Response.StatusCode = body is null ? 404 : 200;
            if (body is not null) await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
