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
            $"--bridge=none --iptables=false --ip-masq=false --ip-forward=false >>{log} 2>&1"])
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

    /// <summary>Copies <paramref name="image"/> from the shared engine unless this engine has it.</summary>
    public void EnsureImage(string image)
    {
        if (DockerCli.Run(Host, "image", "inspect", image).ExitCode == 0) return;
        using var copy = Process.Start(new ProcessStartInfo("bash", ["-c", $"set -o pipefail; docker save {image} | docker -H {Host} load"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var output = copy.StandardOutput.ReadToEndAsync();
        var error = copy.StandardError.ReadToEndAsync();
        copy.WaitForExit();
        Assert.That(copy.ExitCode, Is.EqualTo(0), $"docker save | docker load failed: {output.Result}{error.Result}");
    }

    /// <summary>Stops this engine (SIGTERM to its dockerd) and waits for it to exit.</summary>
    public void Stop()
    {
        if (_dockerd is null || _dockerd.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _dockerd.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!) kill.WaitForExit();
        if (!_dockerd.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            _dockerd.Kill();
            _dockerd.WaitForExit();
        }
    }

    private static string Tail(string log) => File.Exists(log) ? string.Join("\n", File.ReadLines(log).TakeLast(15)) : "(no log)";

    public void Dispose()
    {
        Stop();
        _dockerd?.Dispose();
    }
}
