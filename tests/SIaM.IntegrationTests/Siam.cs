using System.Diagnostics;

namespace SIaM.IntegrationTests;

/// <summary>Runs the real <c>siam</c> executable (built beside the tests) as a child process.</summary>
public static class Siam
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "siam.dll");

    public static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start siam");
    }

    public static async Task<Outcome> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
