using NUnit.Framework;
using SIaM.Core.Sandbox;

namespace SIaM.Sandbox.Tests;

[TestFixture]
[Category("Docker")]
public sealed class HostileProgramTests
{
    private static IEnumerable<HostileCase> Cases() => HostilePrograms.All();

    [TestCaseSource(nameof(Cases))]
    public async Task Hostile_program_gets_its_verdict_and_leaves_the_pool_healthy(HostileCase hostile)
    {
        // Arrange: a program that must end by a limit other than time runs where time cannot end it first
        var pool = hostile.Expected == ExecStatus.Timeout ? await SharedPool.GetAsync() : await SharedPool.GetGenerousAsync();

        // Act
        var result = await pool.RunPythonAsync(hostile.Code, CancellationToken.None);
        var benign = await Task.WhenAll(BenignPrograms.All.Select(p => pool.RunPythonAsync(p.Code, CancellationToken.None)));

        // Assert
        Assert.That(result.Status, Is.EqualTo(hostile.Expected), $"stdout: {Head(result.Stdout)}\nstderr: {Head(result.Stderr)}");
        if (hostile.StdoutContains is not null) Assert.That(result.Stdout, Does.Contain(hostile.StdoutContains));
        if (hostile.StderrContains is not null) Assert.That(result.Stderr, Does.Contain(hostile.StderrContains));
        for (var i = 0; i < benign.Length; i++)
        {
            Assert.That(benign[i].Status, Is.EqualTo(ExecStatus.Ok), $"benign #{i}: {Head(benign[i].Stderr)}");
            Assert.That(benign[i].Stdout, Is.EqualTo(BenignPrograms.All[i].Stdout), $"benign #{i}");
        }
        await LeakCheck.AssertNoLeaksAsync(pool, expectedWorkers: 2);
    }

    private static string Head(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
