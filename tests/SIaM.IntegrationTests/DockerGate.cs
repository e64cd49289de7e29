namespace SIaM.IntegrationTests;

/// <summary>
/// Skips a test when no Docker engine is reachable — except where <c>SIAM_REQUIRE_DOCKER=1</c> (CI), where it fails.
/// </summary>
public static class DockerGate
{
    private static readonly Lazy<bool> Reachable = new(() =>
    {
        try
        {
            var process = ChildProcess.Start("docker", ["version", "--format", "{{.Server.Version}}"]);
            try
            {
                return process.WaitAsync(TimeSpan.FromSeconds(15)).GetAwaiter().GetResult().ExitCode == 0;
            }
            finally
            {
                process.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException) { return false; }
    });

    public static void Require()
    {
        if (Reachable.Value) return;
        const string why = "no Docker engine is reachable";
        if (Environment.GetEnvironmentVariable("SIAM_REQUIRE_DOCKER") == "1") Assert.Fail($"{why}, and SIAM_REQUIRE_DOCKER=1");
        Assert.Ignore(why);
    }
}
