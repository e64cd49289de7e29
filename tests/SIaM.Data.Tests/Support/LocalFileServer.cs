using System.Net;
using System.Net.Sockets;

namespace SIaM.Data.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 that serves bytes by path (with an optional override per path).</summary>
internal sealed class LocalFileServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<string, byte[]?> content;
    private readonly Task loop;

    public LocalFileServer(Func<string, byte[]?> content)
    {
        this.content = content;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
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
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) { return; }
            var body = content(context.Request.Url!.AbsolutePath.TrimStart('/'));
            context.Response.StatusCode = body is null ? 404 : 200;
            if (body is not null) await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
