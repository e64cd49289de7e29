using SIaM.Core.Sandbox;
using SIaM.Evaluation.Execution;

namespace SIaM.Tests.Evaluation;

public sealed class LocalPythonSandboxTests
{
    [Test]
    public async Task Reports_the_same_traceback_for_the_same_failing_program()
    {
        // Arrange
        await using var sandbox = new LocalPythonSandbox(SandboxPolicy.Default);

        // Act
        var first = await sandbox.RunPythonAsync("x = 1\nprint(x / 0)\n", CancellationToken.None);
        var second = await sandbox.RunPythonAsync("x = 1\nprint(x / 0)\n", CancellationToken.None);

        // Assert
        Assert.That(first.Status, Is.EqualTo(ExecStatus.Error));
        Assert.That(first.Stderr, Does.Contain("ZeroDivisionError").And.Contain("<stdin>"));
        Assert.That(second.Stderr, Is.EqualTo(first.Stderr));
    }

    [Test]
    public async Task Kills_a_program_that_outruns_its_wall_clock()
    {
        await using var sandbox = new LocalPythonSandbox(SandboxPolicy.Default with { WallClockSeconds = 1 });

        var result = await sandbox.RunPythonAsync("while True:\n    pass\n", CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(ExecStatus.Timeout));
    }

    [Test]
    public async Task Caps_and_flags_output_beyond_the_limit()
    {
        await using var sandbox = new LocalPythonSandbox(SandboxPolicy.Default with { StdoutLimitBytes = 1000 });

        var result = await sandbox.RunPythonAsync("print('x' * 100000)\n", CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(ExecStatus.OutputLimit));
        Assert.That(result.Truncated, Is.True);
        Assert.That(result.Stdout, Has.Length.EqualTo(1000));
    }
}
