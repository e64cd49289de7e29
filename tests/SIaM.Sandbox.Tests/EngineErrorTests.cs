using NUnit.Framework;
using SIaM.Core;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

public sealed class EngineErrorTests
{
    [Test]
    public async Task An_unreachable_engine_is_reported_with_how_to_start_one()
    {
        // Arrange
        var options = DockerPoolOptions.Default with { DockerHost = "unix:///tmp/siam-no-such-engine.sock" };

        // Act
        var error = await Assert.ThrowsAsync<InputException>(
            () => DockerSandboxPool.StartAsync(SIaM.Core.Sandbox.SandboxPolicy.Default, options, CancellationToken.None));

        // Assert
        Assert.That(error!.Message, Does.Contain("unix:///tmp/siam-no-such-engine.sock").And.Contain("engine-up.sh"));
    }

    [Test]
    public void A_malformed_docker_host_is_reported()
    {
        // Act
        var error = Assert.Throws<InputException>(() => DockerEngine.CreateClient("not a uri"));

        // Assert
        Assert.That(error!.Message, Does.Contain("not a uri"));
    }
}
