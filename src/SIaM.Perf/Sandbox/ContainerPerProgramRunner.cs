using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Perf.Sandbox;

/// <summary>(b) a fresh container per program (create, start, wait, logs, remove), same image and limits as the pool.</summary>
public sealed class ContainerPerProgramRunner(DockerClient client, string image, SandboxPolicy policy) : IProgramRunner
{
    public string Name => "docker run per program";

    public async Task<ExecResult> RunAsync(string code, CancellationToken cancellationToken)
    {
        var spec = SandboxContainerSpec.Create(image, policy, new Dictionary<string, string> { [SandboxContainerSpec.SandboxLabel] = "bench" }, attach: false);
        spec.Cmd = ["python3", "-c", code];
        spec.WorkingDir = "/tmp";
        var stopwatch = Stopwatch.StartNew();
        var created = await client.Containers.CreateContainerAsync(spec, cancellationToken);
        try
        {
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
            using var wall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wall.CancelAfter(TimeSpan.FromSeconds(policy.WallClockSeconds));
            var wait = await client.Containers.WaitContainerAsync(created.ID, wall.Token);
            using var logs = await client.Containers.GetContainerLogsAsync(created.ID, false,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, cancellationToken);
            var (stdout, stderr) = await logs.ReadOutputToEndAsync(cancellationToken);
            var exitCode = (int)wait.StatusCode;
            return new ExecResult(exitCode == 0 ? ExecStatus.Ok : ExecStatus.Error, exitCode, stdout, stderr, stopwatch.Elapsed.TotalMilliseconds, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ExecResult(ExecStatus.Timeout, null, "", "", stopwatch.Elapsed.TotalMilliseconds, false);
        }
        finally
        {
            await WorkerContainer.RemoveQuietlyAsync(client, created.ID);
        }
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
