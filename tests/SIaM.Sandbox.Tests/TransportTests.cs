using System.Net.Sockets;
using System.Runtime.Versioning;
using Docker.DotNet;
using NUnit.Framework;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

/// <summary>How frames travel between the pool and its workers: the direct channel on a local engine, the attach stream otherwise.</summary>
[TestFixture]
[Category("Docker")]
[UnsupportedOSPlatform("windows")]
public sealed class TransportTests
{
    private static readonly Dictionary<string, string> Labels = PoolLabels.For("transport-test");
    private readonly List<string> _temps = [];

    [TearDown]
    public void RemoveTempDirectories()
    {
        foreach (var temp in _temps) Directory.Delete(temp, recursive: true);
        _temps.Clear();
    }

    [Test]
    public async Task A_pool_on_a_local_engine_speaks_to_its_workers_over_the_direct_channel()
    {
        // Arrange
        var pool = await SharedPool.GetAsync();

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => pool.RunPythonAsync($"print({i} ** 3)", CancellationToken.None)));

        // Assert
        Assert.That(pool.Description, Does.Contain(" transport=socket "));
        Assert.That(results.Select(r => r.Stdout), Is.EqualTo(Enumerable.Range(0, 6).Select(i => $"{i * i * i}\n")));
    }

    [Test]
    public async Task A_program_can_neither_reach_the_channel_socket_nor_read_its_token()
    {
        // Arrange
        var pool = await SharedPool.GetAsync();
        const string probe = """
            import os, socket
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect("/run/siam/worker.sock")
                print("connected")
            except OSError as e:
                print("refused", type(e).__name__)
            try:
                print(os.listdir("/run/siam"))
            except OSError as e:
                print("unlisted", type(e).__name__)
            try:
                print(open("/proc/1/environ", "rb").read().count(b"SIAM_CHANNEL"))
            except OSError as e:
                print("environ", type(e).__name__)
            print(sorted(k for k in os.environ if k.startswith("SIAM")))
            """;

        // Act
        var result = await pool.RunPythonAsync(probe, CancellationToken.None);

        // Assert
        Assert.That(result.Status, Is.EqualTo(ExecStatus.Ok), result.Stderr);
        Assert.That(result.Stdout, Is.EqualTo("refused FileNotFoundError\nunlisted PermissionError\nenviron PermissionError\n[]\n"),
            "the socket is unlinked once the worker connected; the directory cannot be listed; PID 1's environment is not readable; " +
            "programs inherit no SIAM_ variable");
    }

    [Test]
    public async Task Starting_workers_leaves_no_channel_directory_behind()
    {
        // Arrange: a temp directory of this test's own, so other test processes' pools do not show up in it
        var temp = NewTempDirectory();

        // Act
        var (transport, output) = await RunOneProgramWithTempDirectoryAsync(temp);

        // Assert
        Assert.That(transport, Is.EqualTo("socket"), "the channel was made under the test's temp directory");
        Assert.That(output, Is.EqualTo("1\n"));
        Assert.That(Directory.EnumerateFileSystemEntries(temp), Is.Empty);
    }

    [Test]
    public async Task A_temp_path_too_long_for_a_unix_socket_leaves_the_workers_on_the_attach_stream()
    {
        // Arrange: a socket path must fit in 108 bytes
        var deep = Directory.CreateDirectory(Path.Combine(NewTempDirectory(), new string('d', 120))).FullName;

        // Act
        var (transport, output) = await RunOneProgramWithTempDirectoryAsync(deep);

        // Assert
        Assert.That(transport, Is.EqualTo("attach"));
        Assert.That(output, Is.EqualTo("1\n"));
        Assert.That(Directory.EnumerateFileSystemEntries(deep), Is.Empty);
    }

    [Test]
    public async Task A_worker_that_cannot_find_the_socket_falls_back_to_the_attach_stream_and_says_why()
    {
        // Arrange: the socket is gone before the container starts, as when the engine cannot see this machine's files
        using var client = DockerEngine.CreateClient();
        if (!await DockerEngine.IsReachableAsync()) await SharedPool.GetAsync();
        using var channel = DirectChannel.Open();
        File.Delete(channel.SocketPath);

        // Act
        await using var worker = await StartWorkerAsync(client, channel);
        var request = worker.ProgramRequest("print('over the attach stream')", SharedPool.Policy);
        await worker.SendAsync(request, CancellationToken.None);
        var reply = await worker.ReceiveAsync(request.Id, TimeSpan.FromSeconds(20), CancellationToken.None);

        // Assert
        Assert.That(worker.Transport, Is.EqualTo("attach"));
        Assert.That(reply.Status, Is.EqualTo("ok"));
        Assert.That(reply.Stdout, Is.EqualTo("over the attach stream\n"));
        Assert.That(worker.WorkerLog, Does.Contain("direct channel refused").And.Contain("/run/siam/worker.sock"));
    }

    [Test]
    public async Task A_connection_without_the_token_is_dropped_and_the_worker_still_gets_its_channel()
    {
        // Arrange: another local process connects first and presents a wrong token
        using var client = DockerEngine.CreateClient();
        if (!await DockerEngine.IsReachableAsync()) await SharedPool.GetAsync();
        using var channel = DirectChannel.Open();
        using var intruder = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await intruder.ConnectAsync(new UnixDomainSocketEndPoint(channel.SocketPath));
        await intruder.SendAsync(new byte[32]);

        // Act
        await using var worker = await StartWorkerAsync(client, channel);
        var request = worker.ProgramRequest("print(2 + 2)", SharedPool.Policy);
        await worker.SendAsync(request, CancellationToken.None);
        var reply = await worker.ReceiveAsync(request.Id, TimeSpan.FromSeconds(20), CancellationToken.None);
        var intruderGot = await intruder.ReceiveAsync(new byte[16]).WaitAsync(TimeSpan.FromSeconds(5));

        // Assert
        Assert.That(worker.Transport, Is.EqualTo("socket"));
        Assert.That(reply.Stdout, Is.EqualTo("4\n"));
        Assert.That(intruderGot, Is.Zero, "the intruder's connection was closed without a byte");
    }

    [Test]
    public async Task A_pool_told_not_to_use_the_direct_channel_runs_over_the_attach_stream()
    {
        // Arrange
        await using var pool = await SharedPool.StartAsync(SharedPool.Policy, DockerPoolOptions.Default with { Workers = 1, DirectChannel = false });

        // Act
        var result = await pool.RunPythonAsync("print(6 * 7)", CancellationToken.None);

        // Assert
        Assert.That(pool.Transport, Is.EqualTo("attach"));
        Assert.That(result.Stdout, Is.EqualTo("42\n"));
    }

    private string NewTempDirectory()
    {
        var temp = Directory.CreateTempSubdirectory("siam-transport-test-").FullName;
        _temps.Add(temp);
        return temp;
    }

    /// <summary>
    /// Starts a 2-worker pool with <c>TMPDIR</c> set to <paramref name="temp"/> (tests of this assembly run one at a time),
    /// runs <c>print(1)</c> and disposes it.
    /// </summary>
    private static async Task<(string Transport, string Output)> RunOneProgramWithTempDirectoryAsync(string temp)
    {
        var saved = Environment.GetEnvironmentVariable("TMPDIR");
        Environment.SetEnvironmentVariable("TMPDIR", temp);
        try
        {
            await using var pool = await SharedPool.StartAsync(SharedPool.Policy, DockerPoolOptions.Default with { Workers = 2 });
            var result = await pool.RunPythonAsync("print(1)", CancellationToken.None);
            return (pool.Transport, result.Stdout);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", saved);
        }
    }

    private static Task<WorkerContainer> StartWorkerAsync(DockerClient client, DirectChannel channel) =>
        WorkerContainer.StartAsync(client, SandboxImage.Tag, SharedPool.Policy, Labels, channel, TimeSpan.FromSeconds(60), CancellationToken.None);
}
