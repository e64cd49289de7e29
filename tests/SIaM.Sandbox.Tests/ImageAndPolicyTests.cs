using System.Security.Cryptography;
using NUnit.Framework;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Sandbox.Tests;

public sealed class ImageAndPolicyTests
{
    [Test]
    public void The_image_tag_is_the_content_hash_of_the_dockerfile_worker_and_offline_build_script_in_the_source_tree()
    {
        // Arrange
        var imageDirectory = Path.Combine(RepositoryRoot(), "src", "SIaM.Sandbox.Docker", "image");
        var content = new[] { "Dockerfile", "worker.py", "build-offline.sh" }
            .SelectMany(name => File.ReadAllBytes(Path.Combine(imageDirectory, name))).ToArray();

        // Act
        var tag = SandboxImage.Tag;

        // Assert
        Assert.That(tag, Is.EqualTo("siam-sandbox:" + Convert.ToHexStringLower(SHA256.HashData(content))[..12]));
    }

    [Test]
    public void The_container_is_locked_down_by_the_default_policy()
    {
        // Act
        var spec = SandboxContainerSpec.Create("img", SandboxPolicy.Default, new Dictionary<string, string>(), attach: true);

        // Assert
        var host = spec.HostConfig;
        Assert.That((host.NetworkMode, spec.NetworkDisabled, host.ReadonlyRootfs), Is.EqualTo(("none", true, true)));
        Assert.That(host.CapDrop, Is.EqualTo(new[] { "ALL" }));
        Assert.That(host.SecurityOpt, Is.EqualTo(new[] { "no-new-privileges" }));
        Assert.That((spec.User, host.PidsLimit, host.NanoCPUs), Is.EqualTo(("65534:65534", (long?)64, 1_000_000_000L)));
        Assert.That(host.Memory, Is.EqualTo((512L + SandboxContainerSpec.WorkerOverheadMiB) * 1024 * 1024));
        Assert.That(host.Tmpfs["/tmp"], Does.Contain("size=64m").And.Contain("noexec"));
        Assert.That(host.ShmSize, Is.EqualTo(64L * 1024 * 1024), "/dev/shm as small as the scratch");
        Assert.That(spec.Env, Does.Contain("PYTHONHASHSEED=0").And.Contain("TZ=UTC").And.Contain("LC_ALL=C.UTF-8"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "SIaM.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException("SIaM.sln not found above the test directory");
    }
}
