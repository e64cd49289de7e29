using System.Diagnostics;

namespace SIaM.Sandbox.Docker;

/// <summary>How <see cref="ImageBuilder"/> builds the sandbox image.</summary>
public enum ImageBuildMethod
{
    /// <summary>Offline when <c>debootstrap</c> is installed (no registry needed), else the Dockerfile.</summary>
    Auto,
    /// <summary><c>docker build</c> of the Dockerfile (needs a registry for <c>debian:bookworm-slim</c>).</summary>
    Dockerfile,
    /// <summary>debootstrap of Debian packages, then <c>docker import</c> (needs root and debootstrap).</summary>
    Offline,
}

/// <summary>Builds the sandbox image with the docker CLI or the offline script; both honour <c>DOCKER_HOST</c>.</summary>
public static class ImageBuilder
{
    /// <summary>Builds <paramref name="tag"/>, streaming the tool output to <paramref name="log"/>; returns the method used.</summary>
    public static async Task<ImageBuildMethod> BuildAsync(string tag, ImageBuildMethod method, TextWriter log, CancellationToken cancellationToken)
    {
        if (method == ImageBuildMethod.Auto)
            method = FindOnPath("debootstrap") is not null ? ImageBuildMethod.Offline : ImageBuildMethod.Dockerfile;
        var context = Path.Combine(Path.GetTempPath(), "siam-image-" + Guid.NewGuid().ToString("N"));
        SandboxImage.WriteBuildContext(context);
        try
        {
            var (file, arguments) = method == ImageBuildMethod.Offline
                ? ("bash", new[] { Path.Combine(context, "build-offline.sh"), tag })
                : ("docker", new[] { "build", "-t", tag, context });
            var exitCode = await RunAsync(file, arguments, log, cancellationToken);
            if (exitCode != 0)
                throw new SIaM.Core.InputException(
                    $"building {tag} with the {method} method failed (exit {exitCode}); see the output above" +
                    (method == ImageBuildMethod.Offline ? " (the offline build needs root and debootstrap: run scripts/engine-up.sh)" : ""));
            return method;
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string file, string[] arguments, TextWriter log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return process.ExitCode;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Concat(["/usr/sbin", "/sbin"])
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
