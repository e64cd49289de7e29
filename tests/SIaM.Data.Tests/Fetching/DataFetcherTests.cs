using SIaM.Data.Tests.Support;

namespace SIaM.Data.Tests.Fetching;

[TestFixture]
public sealed class DataFetcherTests
{
    private static readonly BenchmarkSpec Aime = BenchmarkRegistry.Get("aime24");

    private static byte[] Original(string file) => File.ReadAllBytes(Path.Combine(SharedData.Directory, file));

    [Test]
    public async Task A_missing_file_is_downloaded_verified_and_moved_into_place()
    {
        // Arrange
        using var server = new LocalFileServer(path => path == Aime.DataFile ? Original(Aime.DataFile) : null);
        using var dest = new TempDirectory();
        using var http = new HttpClient();
        var fetcher = new DataFetcher(http, spec => server.UrlOf(spec.DataFile));

        // Act
        var result = await fetcher.FetchAsync(Aime, dest.Path, CancellationToken.None);

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(FetchOutcome.Downloaded), result.Message);
        Assert.That(File.ReadAllBytes(Path.Combine(dest.Path, Aime.DataFile)), Is.EqualTo(Original(Aime.DataFile)));
        Assert.That(Directory.GetFiles(dest.Path, "*", SearchOption.AllDirectories), Has.Length.EqualTo(1));
        Assert.That(BenchmarkLoader.Load("aime24", new DataRoot([dest.Path], "test"), allowUnverified: false).Verified, Is.True);
    }

    [Test]
    public async Task A_download_with_the_wrong_hash_writes_nothing()
    {
        // Arrange
        using var server = new LocalFileServer(_ => "{\"problem\": \"x\", \"answer\": \"1\"}\n"u8.ToArray());
        using var dest = new TempDirectory();
        using var http = new HttpClient();
        var fetcher = new DataFetcher(http, spec => server.UrlOf(spec.DataFile));

        // Act
        var result = await fetcher.FetchAsync(Aime, dest.Path, CancellationToken.None);

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(FetchOutcome.Failed));
        Assert.That(result.Message, Does.Contain("differs from the manifest's " + Aime.Manifest.Sha256).And.Contain("nothing written"));
        Assert.That(Directory.GetFiles(dest.Path, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task An_unreachable_host_gives_a_clear_error()
    {
        // Arrange
        var port = LocalFileServer.FreePort();
        using var dest = new TempDirectory();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var fetcher = new DataFetcher(http, spec => new Uri($"http://127.0.0.1:{port}/{spec.DataFile}"));

        // Act
        var result = await fetcher.FetchAsync(Aime, dest.Path, CancellationToken.None);

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(FetchOutcome.Failed));
        Assert.That(result.Message, Does.StartWith("cannot reach 127.0.0.1: "));
        Assert.That(Directory.GetFiles(dest.Path, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task A_verified_file_already_in_place_is_left_alone()
    {
        // Arrange
        using var dest = new TempDirectory();
        dest.Write(Aime.DataFile, Original(Aime.DataFile));
        using var http = new HttpClient();
        var fetcher = new DataFetcher(http, _ => throw new AssertionException("must not download"));

        // Act
        var result = await fetcher.FetchAsync(Aime, dest.Path, CancellationToken.None);

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(FetchOutcome.AlreadyPresent));
    }

    [Test]
    public void Every_upstream_url_is_a_pinned_raw_github_address()
    {
        // Arrange
        var specs = BenchmarkRegistry.All.Values;

        // Act
        var unpinned = specs.Where(s => !System.Text.RegularExpressions.Regex.IsMatch(s.UpstreamUrl,
            @"^https://raw\.githubusercontent\.com/[^/]+/[^/]+/[0-9a-f]{40}/.+$")).Select(s => s.Id);

        // Assert
        Assert.That(unpinned, Is.Empty);
    }
}
