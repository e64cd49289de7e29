using System.Diagnostics;

namespace SIaM.IntegrationTests.Faults;

/// <summary>
/// A small tmpfs mounted for one test (a full disk, a read-only file system) and unmounted on dispose. Needs root (CI
/// runs as root); elsewhere the test is skipped, except where <c>SIAM_REQUIRE_DOCKER=1</c> (CI), where it fails.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    public static TmpfsMount Create(string path, string options)
    {
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        if (code != 0)
        {
            var why = $"cannot mount a tmpfs ({output.Trim()})";
            if (Environment.GetEnvironmentVariable("SIAM_REQUIRE_DOCKER") == "1") Assert.Fail(why);
            Assert.Ignore(why);
        }
        return new TmpfsMount(path);
    }

    /// <summary>Writes zeros until the file system is full; returns the filler's path.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var block = new byte[4096];
        try
        {
            using var stream = new FileStream(filler, FileMode.Append, FileAccess.Write, FileShare.None, 0);
            while (true) stream.Write(block);
        }
        catch (IOException)
        {
        }
        return filler;
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    public void Dispose() => Run("umount", "-l", Path);
}
