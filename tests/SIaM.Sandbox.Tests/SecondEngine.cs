using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NUnit.Framework;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

/// <summary>
/// A second dockerd started for a test on this machine: its own socket, data root, exec root and pid file, the same
/// network-neutral flags as engine-up.sh, a TLS tcp listener on 127.0.0.1 with throw-away certificates, and the sandbox
/// image copied in (docker save | load). <see cref="KillAsync"/> simulates the engine dying (SIGKILL to dockerd, its
/// containerd, shims and container processes); disposing removes everything it started.
/// </summary>
internal sealed class SecondEngine : IAsyncDisposable
{
    private readonly string _root;
    private readonly Process _dockerd;

    private SecondEngine(string root, Process dockerd, int port)
    {
        _root = root;
        _dockerd = dockerd;
        TlsEndpoint = $"tcp://127.0.0.1:{port}?tls={Path.Combine(root, "client")}";
    }

    /// <summary>The engine as a pool names it: tcp with TLS client certificates.</summary>
    public string TlsEndpoint { get; }

    public string UnixEndpoint => $"unix://{Path.Combine(_root, "d.sock")}";

    public static async Task<SecondEngine> StartAsync(string image)
    {
        if (Environment.UserName != "root" || !OnPath("dockerd") || !OnPath("openssl"))
        {
            const string why = "a second engine needs root, dockerd and openssl on PATH";
            if (SharedPool.Required) Assert.Fail($"SIAM_REQUIRE_DOCKER=1 but {why}");
            Assert.Ignore(why);
        }
        var root = Path.Combine("/tmp", "siam-e2-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(root);
        await MakeCertificatesAsync(root);
        var port = FreePort();
        var start = new ProcessStartInfo("dockerd") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "--host", $"unix://{root}/d.sock", "--host", $"tcp://127.0.0.1:{port}", "--tlsverify",
                     "--tlscacert", $"{root}/ca.pem", "--tlscert", $"{root}/server-cert.pem", "--tlskey", $"{root}/server-key.pem",
                     "--data-root", $"{root}/data", "--exec-root", $"{root}/exec", "--pidfile", $"{root}/d.pid",
                     "--bridge=none", "--iptables=false", "--ip-masq=false", "--ip-forward=false",
                 })
            start.ArgumentList.Add(argument);
        var dockerd = Process.Start(start)!;
        _ = dockerd.StandardOutput.ReadToEndAsync();
        var log = dockerd.StandardError.ReadToEndAsync();
        var engine = new SecondEngine(root, dockerd, port);
        try
        {
            for (var attempt = 0; !await DockerEngine.IsReachableAsync(engine.TlsEndpoint); attempt++)
            {
                if (dockerd.HasExited || attempt > 60)
                    Assert.Fail($"the second dockerd did not start: {(dockerd.HasExited ? await log : "not ready in 30 s")}");
                await Task.Delay(500);
            }
            await ShellAsync($"docker save {image} | docker -H {engine.UnixEndpoint} load -q");
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>The engine dies: every process of it (dockerd, containerd, shims, containers) gets SIGKILL.</summary>
    public async Task KillAsync()
    {
        var containerIds = ContainerIds();
        foreach (var pid in ProcessesMentioning(_root).Append(_dockerd.Id).Distinct()) Kill(pid);
        foreach (var id in containerIds)
            foreach (var pid in CgroupProcesses(id))
                Kill(pid);
        await _dockerd.WaitForExitAsync();
    }

    /// <summary>Processes left of this engine (dockerd, containerd, shims, container processes).</summary>
    public IReadOnlyList<int> LeftoverProcesses() =>
        [.. ProcessesMentioning(_root).Concat(ContainerIds().SelectMany(CgroupProcesses)).Distinct()];

    /// <summary>
    /// Processes of this engine still there after <paramref name="grace"/>: a SIGKILLed process that is still freeing its
    /// memory (seconds on a loaded machine) is dying, not left running.
    /// </summary>
    public async Task<IReadOnlyList<int>> LeftoverProcessesAfterAsync(TimeSpan grace)
    {
        var deadline = DateTime.UtcNow + grace;
        while (LeftoverProcesses() is { Count: > 0 } left)
        {
            if (DateTime.UtcNow > deadline) return left;
            await Task.Delay(200);
        }
        return [];
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        foreach (var mount in File.ReadAllLines("/proc/mounts")
            .Select(l => l.Split(' ')[1])
            .Where(m => m.StartsWith(_root, StringComparison.Ordinal))
            .OrderByDescending(m => m.Length))
            await ShellAsync($"umount -l '{mount}'", check: false);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        _dockerd.Dispose();
    }

    private IEnumerable<string> ContainerIds()
    {
        var containers = Path.Combine(_root, "data", "containers");
        return Directory.Exists(containers) ? Directory.GetDirectories(containers).Select(d => Path.GetFileName(d)) : [];
    }

    private static IEnumerable<int> CgroupProcesses(string containerId)
    {
        var procs = $"/sys/fs/cgroup/pids/docker/{containerId}/cgroup.procs";
        if (!File.Exists(procs)) procs = $"/sys/fs/cgroup/docker/{containerId}/cgroup.procs";
        try
        {
            return File.Exists(procs) ? [.. File.ReadAllLines(procs).Where(l => l.Length > 0).Select(int.Parse)] : [];
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static IEnumerable<int> ProcessesMentioning(string text)
    {
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (commandLine.Contains(text, StringComparison.Ordinal)) yield return pid;
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }

    private static async Task MakeCertificatesAsync(string root)
    {
        var client = Path.Combine(root, "client");
        Directory.CreateDirectory(client);
        await ShellAsync(string.Join(" && ",
            $"cd {root}",
            "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=siam-test-ca -keyout ca-key.pem -out ca.pem 2>/dev/null",
            "openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout server-key.pem -out server.csr 2>/dev/null",
            "printf 'subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth\\n' > server.ext",
            "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 -extfile server.ext -out server-cert.pem 2>/dev/null",
            "openssl req -newkey rsa:2048 -nodes -subj /CN=siam-client -keyout client/key.pem -out client.csr 2>/dev/null",
            "printf 'extendedKeyUsage=clientAuth\\n' > client.ext",
            "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 -extfile client.ext -out client/cert.pem 2>/dev/null",
            "cp ca.pem client/ca.pem"));
    }

    private static async Task ShellAsync(string command, bool check = true)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0) Assert.Fail($"`{command}` failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
