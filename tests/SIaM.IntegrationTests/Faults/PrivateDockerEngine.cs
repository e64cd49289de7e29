using System.Diagnostics;

namespace SIaM.IntegrationTests.Faults;

/// <summary>
/// A second dockerd of this test's own (own socket, data root, exec root and pid file; the network-neutral flags of
/// engine-up.sh), so that a test can stop an engine mid-run without touching the shared one. The data root persists
/// under /tmp so the sandbox image is loaded into it (docker save | docker load) only once per machine.
/// </summary>
public sealed class PrivateDockerEngine : IDisposable
{
    private const string Root = "/tmp/siam-faults-engine";
    private Process? _dockerd;

    public string Host => $"unix://{Root}/docker.sock";

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["DOCKER_HOST"] = Host };

    public void Start()
    {
        if (_dockerd is { HasExited: false }) return;
        Directory.CreateDirectory(Root);
        var log = Path.Combine(Root, "dockerd.log");
        var start = new ProcessStartInfo("bash", ["-c",
            $"exec dockerd --host {Host} --data-root {Root}/data --exec-root {Root}/exec --pidfile {Root}/docker.pid " +
            $"--bridge=none --iptables=false --ip-masq=false --ip-forward=false --shutdown-timeout 2 >>{log} 2>&1"])
        { UseShellExecute = false };
        _dockerd = Process.Start(start)!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DockerCli.Run(Host, "version", "--format", "{{.Server.Version}}").ExitCode != 0)
        {
            if (_dockerd.HasExited) Assert.Fail($"the private dockerd exited: {Tail(log)}");
            if (DateTime.UtcNow > deadline) Assert.Fail($"the private dockerd did not become ready: {Tail(log)}");
            Thread.Sleep(200);
        }
    }

    /// <summary>
    /// Copies <paramref name="image"/> from the shared engine unless this engine has the same image under that tag (the
    /// tag names the worker, not the root file system: an image rebuilt since the last copy has another id).
    /// </summary>
    public void EnsureImage(string image)
    {
        static string IdOf(string? host, string image) => DockerCli.Run(host, "image", "inspect", "--format", "{{.Id}}", image).Output.Trim();
        if (IdOf(Host, image) == IdOf(null, image)) return;
        var copy = ChildProcess.Start("bash", ["-c", $"set -o pipefail; docker save {image} | docker -H {Host} load"]);
        try
        {
            var outcome = copy.WaitAsync(TimeSpan.FromMinutes(10)).GetAwaiter().GetResult(); // killed past the limit
            Assert.That(outcome.ExitCode, Is.EqualTo(0), $"docker save | docker load failed: {outcome.Stdout}{outcome.Stderr}");
        }
        finally
        {
            copy.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Stops this engine (SIGTERM to its dockerd) and waits for it to exit.</summary>
    public void Stop()
    {
        if (_dockerd is null || _dockerd.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _dockerd.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            kill.WaitForExit(TimeSpan.FromSeconds(30));
        if (!_dockerd.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            _dockerd.Kill(entireProcessTree: true);
            _dockerd.WaitForExit(TimeSpan.FromSeconds(30));
        }
    }

    private static string Tail(string log) => File.Exists(log) ? string.Join("\n", File.ReadLines(log).TakeLast(15)) : "(no log)";

    public void Dispose()
    {
        Stop();
        _dockerd?.Dispose();
    }
}
