using Docker.DotNet;
using Docker.DotNet.Models;

namespace SIaM.Sandbox.Docker;

/// <summary>Finds and removes sandbox containers left behind by earlier runs.</summary>
public static class OrphanReaper
{
    /// <summary>
    /// Removes every labelled sandbox container that is not running, and every running one whose owning process (on
    /// this host) is gone. Containers of live pools, here or on other hosts, are left alone. Returns the count removed.
    /// </summary>
    public static async Task<int> RemoveOrphansAsync(DockerClient client, CancellationToken cancellationToken)
    {
        var containers = await ListAsync(client, cancellationToken);
        var orphans = containers.Where(c => c.State != "running" || PoolLabels.IsOrphan(c.Labels)).ToList();
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
