using System.Text.RegularExpressions;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.IntegrationTests.Cli;

/// <summary><c>siam sandbox doctor</c> and a CI-sized <c>siam sandbox soak</c> against the real Docker engine.</summary>
[Category("Docker")]
public sealed partial class SandboxCommandTests
{
    [GeneratedRegex(@"^(wrong verdicts|leaked processes|leaked containers)\s+(\d+)$", RegexOptions.Multiline)]
    private static partial Regex Counter();

    [Test]
    public async Task Doctor_reports_the_engine_and_image_and_passes_every_limit_check()
    {
        // Arrange
        DockerGate.Require();
        using var temp = new TempDirectory();
        var checks = SandboxSelfTest.Checks(SandboxPolicy.Default with { CpuTimeSeconds = 1, WallClockSeconds = 5 });

        // Act
        var outcome = await Siam.RunAsync(TimeSpan.FromMinutes(4), temp.Path, "sandbox", "doctor");

        // Assert
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stdout + outcome.Stderr);
        var lines = outcome.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.That(lines, Has.Some.Matches<string>(l => l is not null && l.StartsWith("engine ", StringComparison.Ordinal) && l.Contains("API ")));
        Assert.That(lines, Has.Some.StartWith($"image       {SandboxImage.Tag} (sha256:"));
        var passed = lines.Where(l => l.StartsWith("PASS", StringComparison.Ordinal)).ToList();
        Assert.That(passed, Has.Count.EqualTo(checks.Count), outcome.Stdout);
        foreach (var check in checks) Assert.That(passed, Has.Some.Contains(check.Limit), check.Limit);
        Assert.That(lines, Has.None.StartWith("FAIL"));
        Assert.That(lines, Does.Contain($"OK: all {checks.Count} limits enforced"));
    }

    [Test]
    public async Task Soak_of_500_mixed_programs_has_no_wrong_verdicts_and_leaks_nothing()
    {
        // Arrange
        DockerGate.Require();
        using var temp = new TempDirectory();

        // Act: the verdicts must not depend on machine speed, so the wall clock is generous (CPU time stops the
        // infinite loops); with the default 5 s, 17 of 500 fork-heavy programs timed out here at load average 35
        var outcome = await Siam.RunAsync(TimeSpan.FromMinutes(10), temp.Path, "sandbox", "soak", "--programs", "500", "--workers", "2",
            "--wall-seconds", "30");

        // Assert
        Assert.That(outcome.Stdout, Does.Match(@"(?m)^programs 500 in \d"), outcome.Stderr);
        var counters = Counter().Matches(outcome.Stdout).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
        Assert.That(counters, Is.EqualTo(new Dictionary<string, int>
        {
            ["wrong verdicts"] = 0, ["leaked processes"] = 0, ["leaked containers"] = 0,
        }), outcome.Stdout);
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stdout + outcome.Stderr);
    }
}
