using NUnit.Framework;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

[TestFixture]
public sealed class WorkerProbeTests
{
    [TestCase(1, new[] { 1 })]
    [TestCase(2, new[] { 1, 2 })]
    [TestCase(6, new[] { 1, 2, 4, 6 })]
    [TestCase(8, new[] { 1, 2, 4, 8 })]
    public void Tries_powers_of_two_and_the_maximum(int max, int[] expected)
    {
        // Arrange, Act
        var counts = WorkerProbe.Counts(max);

        // Assert
        Assert.That(counts, Is.EqualTo(expected));
    }

    [TestCase(1, 32)]
    [TestCase(2, 16)]
    [TestCase(4, 8)]
    [TestCase(16, 8)]
    public void Times_every_count_over_at_least_32_programs_and_8_per_worker(int count, int share)
    {
        // Arrange, Act
        var actual = WorkerProbe.Share(count);

        // Assert
        Assert.That(actual, Is.EqualTo(share));
    }

    [TestCase(40.0, 41.0, 1)]
    [TestCase(40.0, 43.5, 1)]
    [TestCase(40.0, 44.5, 2)]
    [TestCase(50.0, 30.0, 1)]
    public void Chooses_the_smallest_count_within_ten_percent_of_the_best(double one, double two, int expected)
    {
        // Arrange
        var candidates = new[] { new WorkerProbeCandidate(1, one), new WorkerProbeCandidate(2, two) };

        // Act
        var chosen = WorkerProbe.Choose(candidates);

        // Assert
        Assert.That(chosen, Is.EqualTo(expected));
    }

    [Test]
    [Category("Docker")]
    public async Task A_probing_pool_keeps_the_chosen_workers_and_stops_the_others()
    {
        // Arrange
        var options = DockerPoolOptions.Default with { Workers = 2, ProbeWorkers = true };

        // Act
        var pool = await SharedPool.StartAsync(SharedPool.Policy, options);
        ExecResult result;
        int containers;
        try
        {
            result = await pool.RunPythonAsync("print(6 * 7)", CancellationToken.None);
            using var client = DockerEngine.CreateClient();
            containers = (await OrphanReaper.ListAsync(client, CancellationToken.None, pool.PoolId)).Count;
        }
        finally
        {
            await pool.DisposeAsync();
        }

        // Assert
        Assert.That(pool.Probe, Is.Not.Null);
        Assert.That(pool.Probe!.Candidates.Select(c => c.Workers), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(pool.Probe.Candidates.Select(c => c.ProgramsPerSecond), Is.All.GreaterThan(0));
        Assert.That(pool.WorkerCount, Is.EqualTo(pool.Probe.Chosen));
        Assert.That(pool.Engines[0].Workers, Is.EqualTo(pool.Probe.Chosen));
        Assert.That(containers, Is.EqualTo(pool.Probe.Chosen), "the workers beyond the chosen count are removed");
        Assert.That(pool.Description, Does.Contain($"workers={pool.Probe.Chosen} (probe 1→"));
        Assert.That(result.Status, Is.EqualTo(ExecStatus.Ok));
        Assert.That(result.Stdout, Is.EqualTo("42\n"));
    }
}
