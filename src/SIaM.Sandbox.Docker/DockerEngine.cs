using Docker.DotNet;
using SIaM.Core;

namespace SIaM.Sandbox.Docker;

/// <summary>Connects to the Docker engine named by <c>DOCKER_HOST</c> (unix or tcp), or the local socket.</summary>
public static class DockerEngine
{
    /// <summary>The local engine socket used when <c>DOCKER_HOST</c> is not set.</summary>
    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    /// <summary>The endpoint that will be used: the explicit one, else <c>DOCKER_HOST</c>, else the local socket.</summary>
    public static string ResolveEndpoint(string? explicitEndpoint = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitEndpoint)) return explicitEndpoint;
        var fromEnvironment = Environment.GetEnvironmentVariable("DOCKER_HOST");
        return string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultEndpoint : fromEnvironment;
    }

    /// <summary>Creates a client without contacting the engine.</summary>
    public static DockerClient CreateClient(string? explicitEndpoint = null)
    {
        var endpoint = ResolveEndpoint(explicitEndpoint);
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new InputException($"DOCKER_HOST '{endpoint}' is not a valid URI (expected unix:///path or tcp://host:port)");
        return new DockerClientConfiguration(uri).CreateClient();
    }

    /// <summary>Connects and pings the engine; a clear <see cref="InputException"/> when it is unreachable.</summary>
    public static async Task<DockerClient> ConnectAsync(string? explicitEndpoint, CancellationToken cancellationToken)
    {
        var client = CreateClient(explicitEndpoint);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await client.System.PingAsync(timeout.Token);
            return client;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new InputException(
                $"the Docker engine at {ResolveEndpoint(explicitEndpoint)} is not reachable ({e.GetBaseException().Message}). " +
                "Start it with `sudo scripts/engine-up.sh` (installs docker.io and starts dockerd), " +
                "or point DOCKER_HOST at a running engine.");
        }
    }

    /// <summary>True when an engine answers a ping within a few seconds.</summary>
    public static async Task<bool> IsReachableAsync(string? explicitEndpoint = null, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = await ConnectAsync(explicitEndpoint, cancellationToken);
            return true;
        }
        catch (InputException)
        {
            return false;
        }
    }
}
