using SIaM.Core;
using SIaM.TorchSharp;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Tests;

/// <summary>Device names as the training verbs' <c>--device</c> and the <c>hf:</c> spec read them.</summary>
public sealed class TorchDevicesTests
{
    [TestCase("cpu", true)]
    [TestCase("cuda", true)]
    [TestCase("cuda:0", true)]
    [TestCase("cuda:12", true)]
    [TestCase("gpu", false)]
    [TestCase("CUDA", false)]
    [TestCase("cuda:", false)]
    [TestCase("cuda:x", false)]
    [TestCase("cuda:-1", false)]
    [TestCase("cuda0", false)]
    [TestCase("", false)]
    public void Accepts_only_cpu_cuda_and_cuda_with_a_device_number(string name, bool valid)
    {
        // Act
        var accepted = TorchDevices.IsValidName(name);

        // Assert
        Assert.That(accepted, Is.EqualTo(valid));
    }

    [Test]
    public void Cpu_is_the_cpu_device()
    {
        // Act
        var device = TorchDevices.ParseDevice("cpu");

        // Assert
        Assert.That(device.type, Is.EqualTo(global::TorchSharp.DeviceType.CPU));
    }

    [TestCase("cuda")]
    [TestCase("cuda:1")]
    public void Cuda_on_this_cpu_build_fails_naming_the_cause(string name)
    {
        // Arrange: the default build references libtorch-cpu, where CUDA is never available
        Assume.That(cuda.is_available(), Is.False, "a CUDA build with a GPU");

        // Act
        var error = Assert.Throws<InputException>(() => TorchDevices.ParseDevice(name))!;

        // Assert
        Assert.That(error.Message, Does.Contain($"device '{name}': CUDA is not available").And.Contain("SiamTorchCuda=true"));
    }

    [TestCase("DIR", "DIR#device=cuda:1")]
    [TestCase("DIR#batch=16", "DIR#batch=16,device=cuda:1")]
    [TestCase("DIR#device=cpu", "DIR#device=cpu,device=cuda:1")]
    public void A_device_added_to_an_hf_spec_comes_last_and_wins(string argument, string expected)
    {
        // Act
        var spec = TorchSharpBackendOptions.WithDevice(argument, "cuda:1");

        // Assert
        Assert.That(spec, Is.EqualTo(expected));
        Assert.That(TorchSharpBackendOptions.ParseSpecArgument(spec).Options.Device, Is.EqualTo("cuda:1"));
    }
}
