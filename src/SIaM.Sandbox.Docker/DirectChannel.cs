using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// A unix socket this process shares with one new worker through a bind mount, so that the protocol's frames go
/// straight between the two instead of through the engine's attach stream (dockerd and the container shim copy every
/// byte of that, at about a millisecond of CPU per program). Only for engines on this machine (<c>unix://</c>); the
/// worker falls back to stdin/stdout, and says so, when it cannot reach the socket (the engine runs in a VM, or this
/// process in a container of its own). The listener takes one connection, the one that presents the token given to
/// that container, and is then closed and its directory removed: nothing else, a program included, can connect later.
/// </summary>
internal sealed class DirectChannel : IDisposable
{
    /// <summary>Where the socket's directory appears in the container (read-only).</summary>
    public const string MountPoint = "/run/siam";

    private const string SocketName = "worker.sock";
    private const string DirectoryPrefix = "siam-channel-";
    private static readonly TimeSpan TokenTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
    private static int _staleSwept;

    private readonly string _directory;
    private readonly Socket _listener;
    private readonly byte[] _token;

    private DirectChannel(string directory, Socket listener, byte[] token)
    {
        _directory = directory;
        _listener = listener;
        _token = token;
    }

    /// <summary>The socket's path on this machine.</summary>
    public string SocketPath => Path.Combine(_directory, SocketName);

    /// <summary>The bind mount for the container's <c>HostConfig.Binds</c>.</summary>
    public string Bind => $"{_directory}:{MountPoint}:ro";

    /// <summary>What the worker reads to find the socket and prove it is the container this listener is for.</summary>
    public IEnumerable<string> Environment => [$"SIAM_CHANNEL={MountPoint}/{SocketName}", $"SIAM_CHANNEL_TOKEN={Encoding.ASCII.GetString(_token)}"];

    /// <summary>A listening socket in a fresh private directory that the container's user may traverse but not list.</summary>
    [UnsupportedOSPlatform("windows")]
    public static DirectChannel Open()
    {
        if (Interlocked.Exchange(ref _staleSwept, 1) == 0) RemoveStale();
        var directory = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                            UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            var channel = new DirectChannel(directory, listener, Encoding.ASCII.GetBytes(Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
            listener.Bind(new UnixDomainSocketEndPoint(channel.SocketPath));
            listener.Listen(4);
            // The container runs as another user, who must be able to connect; the token keeps anyone else out.
            File.SetUnixFileMode(channel.SocketPath, (UnixFileMode)0b110_110_110);
            return channel;
        }
        catch
        {
            listener.Dispose();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// <see cref="Open"/>, or null when this machine cannot make the socket (a temp path too long for a unix socket, a
    /// temp directory that cannot be written): the worker then uses the attach stream.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static DirectChannel? TryOpen()
    {
        try
        {
            return Open();
        }
        catch (Exception e) when (e is IOException or SocketException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The worker's connection: the first one that presents the token (others are dropped).</summary>
    public async Task<Stream> AcceptAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var peer = await _listener.AcceptAsync(cancellationToken);
            var stream = new NetworkStream(peer, ownsSocket: true);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TokenTimeout);
                var presented = new byte[_token.Length];
                await stream.ReadExactlyAsync(presented, timeout.Token);
                if (CryptographicOperations.FixedTimeEquals(presented, _token)) return stream;
            }
            catch (Exception e) when (e is IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }
            await stream.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Removes channel directories left by processes killed while a worker started (a listener lives for seconds, so
    /// one older than <see cref="StaleAfter"/> is dead). Once per process.
    /// </summary>
    private static void RemoveStale()
    {
        try
        {
            foreach (var directory in new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories(DirectoryPrefix + "*"))
                if (DateTime.UtcNow - directory.LastWriteTimeUtc > StaleAfter)
                    directory.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
