using System.Globalization;
using System.Text.RegularExpressions;
using SIaM.Core;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// One Docker engine the pool spreads workers over. Written <c>ADDRESS[@WEIGHT]</c>: <c>unix:///var/run/docker.sock</c>,
/// <c>tcp://host:2376@2</c>; a tcp engine uses TLS with <c>?tls=DIR</c> (DIR holds ca.pem, cert.pem, key.pem), or
/// when <c>DOCKER_TLS_VERIFY=1</c>, with the certificates in <c>DOCKER_CERT_PATH</c> (default <c>~/.docker</c>).
/// </summary>
/// <param name="Address">The engine address without weight or TLS query.</param>
/// <param name="Weight">Relative share of the workers (at least 1).</param>
/// <param name="TlsDirectory">Directory of ca.pem/cert.pem/key.pem for a TLS tcp engine; null for plain.</param>
public sealed partial record EngineEndpoint(Uri Address, int Weight, string? TlsDirectory)
{
    /// <summary>The environment variable listing several engines, separated by commas or whitespace.</summary>
    public const string HostsVariable = "SIAM_DOCKER_HOSTS";

    /// <summary>How the engine is shown in reports: the address, <c>+tls</c> when TLS is used.</summary>
    public string Name => Address.OriginalString + (TlsDirectory is null ? "" : "+tls");

    /// <summary>Parses one <c>ADDRESS[@WEIGHT]</c>; a clear <see cref="InputException"/> naming the bad text.</summary>
    public static EngineEndpoint Parse(string text)
    {
        var weight = 1;
        var address = text.Trim();
        var weighted = WeightSuffix().Match(address);
        if (weighted.Success)
        {
            address = weighted.Groups[1].Value;
            weight = int.Parse(weighted.Groups[2].Value, CultureInfo.InvariantCulture);
            if (weight < 1) throw new InputException($"Docker engine '{text}': the weight after '@' must be at least 1");
        }
        string? tls = null;
        var query = address.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            var parameter = address[(query + 1)..];
            if (!parameter.StartsWith("tls=", StringComparison.Ordinal) || parameter.Length == 4)
                throw new InputException($"Docker engine '{text}': the only option is ?tls=DIR (a directory with ca.pem, cert.pem, key.pem)");
            tls = parameter[4..];
            address = address[..query];
        }
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp"))
            throw new InputException($"Docker engine '{text}' is not a valid address (expected unix:///path or tcp://host:port, optionally @WEIGHT)");
        if (tls is not null && uri.Scheme != "tcp") throw new InputException($"Docker engine '{text}': ?tls= applies to tcp:// engines only");
        if (tls is null && uri.Scheme == "tcp" && Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY") is { Length: > 0 } verify && verify != "0")
            tls = Environment.GetEnvironmentVariable("DOCKER_CERT_PATH") is { Length: > 0 } certs
                ? certs
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        return new EngineEndpoint(uri, weight, tls);
    }

    /// <summary>
    /// The engines to use: <paramref name="explicitHosts"/> when given (e.g. <c>--docker-host</c> repeated), else
    /// <see cref="HostsVariable"/>, else <c>DOCKER_HOST</c>, else the local socket. Duplicates are refused.
    /// </summary>
    public static IReadOnlyList<EngineEndpoint> ResolveAll(IReadOnlyList<string>? explicitHosts)
    {
        var texts = explicitHosts is { Count: > 0 }
            ? explicitHosts
            : Environment.GetEnvironmentVariable(HostsVariable) is { Length: > 0 } list
                ? list.Split([',', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [DockerEngine.ResolveEndpoint()];
        var endpoints = texts.Select(Parse).ToList();
        var duplicate = endpoints.GroupBy(e => e.Address.OriginalString).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InputException($"Docker engine {duplicate.Key} is listed twice");
        return endpoints;
    }

    /// <summary>
    /// Spreads <paramref name="workers"/> over the engines in proportion to their weights (largest remainder),
    /// each engine at least one when there are enough.
    /// </summary>
    public static int[] Spread(IReadOnlyList<EngineEndpoint> engines, int workers)
    {
        var total = engines.Sum(e => e.Weight);
        var shares = engines.Select(e => (double)workers * e.Weight / total).ToArray();
        var counts = shares.Select(s => (int)Math.Floor(s)).ToArray();
        foreach (var i in Enumerable.Range(0, engines.Count).OrderByDescending(i => shares[i] - counts[i]).ThenBy(i => i).Take(workers - counts.Sum()))
            counts[i]++;
        for (var i = 0; i < counts.Length && workers >= engines.Count; i++)
        {
            if (counts[i] > 0) continue;
            var donor = Array.IndexOf(counts, counts.Max());
            counts[donor]--;
            counts[i]++;
        }
        return counts;
    }

    [GeneratedRegex(@"^(.*)@(\d+)$")]
    private static partial Regex WeightSuffix();
}
