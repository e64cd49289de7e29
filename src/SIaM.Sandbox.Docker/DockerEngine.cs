using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet;
using Docker.DotNet.X509;
using SIaM.Core;

namespace SIaM.Sandbox.Docker;

/// <summary>Connects to a Docker engine: unix socket, plain tcp, or tcp with TLS client certificates.</summary>
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

    /// <summary>Creates a client without contacting the engine (<paramref name="explicitEndpoint"/> as in <see cref="EngineEndpoint.Parse"/>).</summary>
    public static DockerClient CreateClient(string? explicitEndpoint = null)
    {
        var endpoint = ResolveEndpoint(explicitEndpoint);
        EngineEndpoint parsed;
        try
        {
            parsed = EngineEndpoint.Parse(endpoint);
        }
        catch (InputException e)
        {
            throw new InputException($"DOCKER_HOST '{endpoint}' is not usable: {e.Message}");
        }
        return CreateClient(parsed);
    }

    /// <summary>Creates a client for one engine without contacting it.</summary>
    public static DockerClient CreateClient(EngineEndpoint endpoint)
    {
        if (endpoint.TlsDirectory is null) return new DockerClientConfiguration(endpoint.Address).CreateClient();
        var file = (string name) => Path.Combine(endpoint.TlsDirectory, name);
        foreach (var name in new[] { "ca.pem", "cert.pem", "key.pem" })
            if (!File.Exists(file(name))) throw new InputException($"Docker engine {endpoint.Name}: TLS file {file(name)} is missing");
        var authority = X509CertificateLoader.LoadCertificateFromFile(file("ca.pem"));
        var credentials = new CertificateCredentials(X509Certificate2.CreateFromPemFile(file("cert.pem"), file("key.pem")))
        {
            ServerCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(authority, certificate, errors),
        };
        return new DockerClientConfiguration(endpoint.Address, credentials).CreateClient();
    }

    /// <summary>Connects and pings the engine; a clear <see cref="InputException"/> when it is unreachable.</summary>
    public static async Task<DockerClient> ConnectAsync(string? explicitEndpoint, CancellationToken cancellationToken)
    {
        var endpoint = ResolveEndpoint(explicitEndpoint);
        return await ConnectAsync(EngineEndpoint.Parse(endpoint), cancellationToken);
    }

    /// <summary>Connects and pings one engine; a clear <see cref="InputException"/> when it is unreachable.</summary>
    public static async Task<DockerClient> ConnectAsync(EngineEndpoint endpoint, CancellationToken cancellationToken)
    {
        var client = CreateClient(endpoint);
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
                $"the Docker engine at {endpoint.Name} is not reachable ({e.GetBaseException().Message}). " +
                "Start it with `sudo src/SIaM.Sandbox.Docker/scripts/engine-up.sh` (installs docker.io and starts dockerd), " +
                "or point DOCKER_HOST / SIAM_DOCKER_HOSTS / --docker-host at a running engine.");
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

    private static bool TrustedBy(X509Certificate2 authority, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(presented));
    }
}
