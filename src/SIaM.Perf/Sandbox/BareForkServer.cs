using System.Text;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>
/// The physical limit in <c>siam bench sandbox</c>: one container of the sandbox image running a bare fork server
/// (sympy/numpy pre-imported, a fork per program with pipe capture; no limits, no protocol, no wipe). The rate is
/// timed inside the container, from the first fork to the last result.
/// </summary>
public static class BareForkServer
{
    /// <summary>Runs <paramref name="programs"/> on <paramref name="workers"/> forked servers in one container.</summary>
    public static async Task<SandboxBenchmark.Measured> MeasureAsync(
        DockerClient client,
        string image,
        IReadOnlyList<string> programs,
        int workers,
        IReadOnlyList<ExecResult> reference,
        CancellationToken cancellationToken)
    {
        var policy = SandboxPolicy.Default with { Cpus = workers, MemoryMiB = 512 * workers, PidsLimit = 64 * workers };
        // Output goes to the json-file log and is read after the exit: a long attach under load may end early.
        // Not labelled siam.sandbox: other pools' orphan sweeps on a shared engine must not take it mid-measurement.
        var spec = SandboxContainerSpec.Create(image, policy, new Dictionary<string, string> { ["siam.bench"] = "bare-fork-server" }, attach: false);
        spec.AttachStdin = spec.OpenStdin = spec.StdinOnce = true;
        spec.Cmd = ["python3", "-c", Script()];
        var created = await client.Containers.CreateContainerAsync(spec, cancellationToken);
        try
        {
            using (var stdin = await client.Containers.AttachContainerAsync(created.ID, false,
                       new ContainerAttachParameters { Stream = true, Stdin = true }, cancellationToken))
            {
                await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
                var request = JsonSerializer.SerializeToUtf8Bytes(new { workers, programs });
                await stdin.WriteAsync(request, 0, request.Length, cancellationToken);
                stdin.CloseWrite();
            }
            await client.Containers.WaitContainerAsync(created.ID, cancellationToken);
            using var logs = await client.Containers.GetContainerLogsAsync(created.ID, false,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, cancellationToken);
            var (stdout, stderr) = await logs.ReadOutputToEndAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(stdout)) throw new InvalidOperationException($"the bare fork server sent nothing: {stderr}");
            var reply = JsonSerializer.Deserialize<Reply>(stdout)!;
            var results = reply.Results
                .Select(r => new ExecResult(r.Ok ? ExecStatus.Ok : ExecStatus.Error, r.Ok ? 0 : 1, r.Stdout, "", r.DurationMs, false))
                .ToList();
            var added = results.Select((r, i) => Math.Max(0, r.DurationMs - reference[i].DurationMs)).Order().ToArray();
            var mismatches = results.Where((r, i) => r.Status != reference[i].Status || r.Stdout != reference[i].Stdout).Count();
            var row = new BenchRow($"bare fork server, {workers} worker{(workers == 1 ? "" : "s")}", programs.Count, programs.Count / reply.Seconds,
                SandboxBenchmark.Percentile(added, 0.50), SandboxBenchmark.Percentile(added, 0.99), mismatches);
            return new SandboxBenchmark.Measured(row, results, added);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the bare fork server's reply is not JSON: {e.Message}", e);
        }
        finally
        {
            await WorkerContainer.RemoveQuietlyAsync(client, created.ID);
        }
    }

    private sealed record Reply(
        [property: System.Text.Json.Serialization.JsonPropertyName("seconds")] double Seconds,
        [property: System.Text.Json.Serialization.JsonPropertyName("results")] IReadOnlyList<ReplyResult> Results);

    private sealed record ReplyResult(
        [property: System.Text.Json.Serialization.JsonPropertyName("ok")] bool Ok,
        [property: System.Text.Json.Serialization.JsonPropertyName("stdout")] string Stdout,
        [property: System.Text.Json.Serialization.JsonPropertyName("duration_ms")] double DurationMs);

    // The server's Python source, embedded in this assembly.
    private static string Script()
    {
        using var stream = typeof(BareForkServer).Assembly.GetManifestResourceStream("perf/bare_fork_server.py")
            ?? throw new InvalidOperationException("embedded resource perf/bare_fork_server.py is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
