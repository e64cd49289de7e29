using Docker.DotNet;
using Docker.DotNet.Models;

namespace SIaM.Sandbox.Docker;

/// <summary>Finds and removes sandbox containers left behind by earlier runs.</summary>
public static class OrphanReaper
{
    /// <summary>How long a stopped or never-started container may stay before it counts as an orphan.</summary>
    public static TimeSpan StoppedGrace { get; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Removes every labelled sandbox container whose owning process (on this host) is gone, and every one that has not
    /// been running for <see cref="StoppedGrace"/>. Containers of live pools, here or on other hosts, are left alone —
    /// including one another pool has just created and not yet started. Returns the count removed.
    /// </summary>
    public static async Task<int> RemoveOrphansAsync(DockerClient client, CancellationToken cancellationToken)
    {
        var containers = await ListAsync(client, cancellationToken);
        var now = DateTime.UtcNow;
        var orphans = containers
            .Where(c => PoolLabels.IsOrphan(c.Labels) || (c.State != "running" && now - c.Created.ToUniversalTime() > StoppedGrace))
            .ToList();
        await Task.WhenAll(orphans.Select(c => WorkerContainer.RemoveQuietlyAsync(client, c.ID)));
        return orphans.Count;
    }

    /// <summary>All containers carrying the sandbox label, in any state.</summary>
    public static async Task<IList<ContainerListResponse>> ListAsync(DockerClient client, CancellationToken cancellationToken, string? poolId = null)
    {
        var labelFilter = new Dictionary<string, bool> { [SandboxContainerSpec.SandboxLabel] = true };
        if (poolId is not null) labelFilter[$"{PoolLabels.Pool}={poolId}"] = true;
        return await client.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labelFilter } },
            cancellationToken);
    }
}
