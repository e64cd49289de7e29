using System.Reflection;
using System.Security.Cryptography;
using Docker.DotNet;
using SIaM.Core;

namespace SIaM.Sandbox.Docker;

/// <summary>
/// The sandbox image of this build. Its tag is the content version, <c>siam-sandbox:&lt;12 hex&gt;</c> with the hex
/// taken from sha256(Dockerfile + worker.py + build-offline.sh), so a changed worker or package list always runs in a
/// freshly built image.
/// </summary>
public static class SandboxImage
{
    /// <summary>The image repository name.</summary>
    public const string Repository = "siam-sandbox";

    /// <summary>The content-versioned tag of this build.</summary>
    public static string Tag { get; } = $"{Repository}:{ContentHash()}";

    /// <summary>Reads one of the embedded build files (<c>image/Dockerfile</c>, <c>image/worker.py</c>, <c>image/build-offline.sh</c>).</summary>
    public static byte[] ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Writes the image build context (Dockerfile, worker.py, build-offline.sh) into a directory.</summary>
    public static void WriteBuildContext(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var name in BuildFiles)
            File.WriteAllBytes(Path.Combine(directory, name), ReadResource("image/" + name));
    }

    /// <summary>Returns the image id (<c>sha256:…</c>) of <paramref name="image"/>, or a clear error telling how to build it.</summary>
    public static async Task<string> RequireAsync(DockerClient client, string image, CancellationToken cancellationToken)
    {
        var id = await TryGetIdAsync(client, image, cancellationToken);
        return id ?? throw new InputException(
            $"the sandbox image {image} is missing: run `siam sandbox build-image` (offline build takes about a minute the first time)");
    }

    /// <summary>The image id, or null when the engine does not have the image.</summary>
    public static async Task<string?> TryGetIdAsync(DockerClient client, string image, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.Images.InspectImageAsync(image, cancellationToken)).ID;
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static string[] BuildFiles => ["Dockerfile", "worker.py", "build-offline.sh"];

    private static string ContentHash()
    {
        var content = BuildFiles.SelectMany(name => ReadResource($"image/{name}")).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(content))[..12];
    }
}
