using System.Net.Sockets;

namespace SIaM.Data;

/// <summary>
/// Downloads missing data files from their pinned upstream URLs. A download goes to a temporary file beside the target,
/// is checked against the manifest's sha256 and only then renamed into place, so nothing half-written is ever left.
/// </summary>
/// <param name="http">The client to download with.</param>
/// <param name="urlOf">Where to download a benchmark from (default: its manifest URL); tests point it at a local server.</param>
public sealed class DataFetcher(HttpClient http, Func<BenchmarkSpec, Uri>? urlOf = null)
{
    private readonly Func<BenchmarkSpec, Uri> _urlOf = urlOf ?? (spec => new Uri(spec.UpstreamUrl));

    /// <summary>Fetches <paramref name="spec"/>'s file into <paramref name="destination"/> unless it is already there.</summary>
    public async Task<FetchResult> FetchAsync(BenchmarkSpec spec, string destination, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(Path.Combine(destination, spec.DataFile));
        if (File.Exists(target))
        {
            var sha = FileHash.Sha256(await File.ReadAllBytesAsync(target, cancellationToken));
            return sha == spec.Manifest.Sha256
                ? new FetchResult(spec.Id, target, FetchOutcome.AlreadyPresent, "already present and verified")
                : new FetchResult(spec.Id, target, FetchOutcome.Failed,
                    $"{target} exists but its sha256 {sha} differs from the manifest's {spec.Manifest.Sha256}; remove it to fetch again");
        }

        var url = _urlOf(spec);
        byte[] bytes;
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return Failed(spec, target, $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return Failed(spec, target, $"cannot reach {url.Host}: {Describe(e)}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(spec, target, $"cannot reach {url.Host}: timed out after {http.Timeout.TotalSeconds:0} s");
        }

        var actual = FileHash.Sha256(bytes);
        if (actual != spec.Manifest.Sha256)
            return Failed(spec, target, $"downloaded {url} but its sha256 {actual} differs from the manifest's {spec.Manifest.Sha256}; nothing written");

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.part";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, target, overwrite: false);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        return new FetchResult(spec.Id, target, FetchOutcome.Downloaded, $"downloaded {bytes.Length} bytes, sha256 verified");
    }

    private static FetchResult Failed(BenchmarkSpec spec, string target, string message) =>
        new(spec.Id, target, FetchOutcome.Failed, message);

    private static string Describe(HttpRequestException e) =>
        e.InnerException is SocketException s ? s.Message : e.Message;
}
