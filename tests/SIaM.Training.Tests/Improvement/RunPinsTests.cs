using SIaM.Core;
using SIaM.SelfImprovement;
using SIaM.Testing;

namespace SIaM.Training.Tests.Improvement;

public sealed class RunPinsTests
{
    private static readonly ImprovementOptions Options = new("/models/policy", K: 4);

    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["questions"] = "aa", ["eval/en-seed"] = "bb", ["seed_programs"] = "cc", ["policy"] = "dd",
    };

    [Test]
    public void A_resume_with_the_same_settings_and_inputs_is_accepted()
    {
        // Arrange
        using var temp = new TempDirectory();
        var run = temp.File("run");
        RunPins.ClaimDirectory(Options, run);
        RunPins.PinInputs(run, Inputs);

        // Act and assert
        Assert.DoesNotThrow(() => RunPins.ClaimDirectory(Options, run));
        Assert.DoesNotThrow(() => RunPins.PinInputs(run, new Dictionary<string, string>(Inputs.Reverse())));
        Assert.That(File.ReadAllText(Path.Combine(run, "run.json")), Does.Contain("\"eval/en-seed\": \"bb\""));
    }

    [Test]
    public void A_resume_with_another_evaluation_set_is_refused_naming_it()
    {
        // Arrange
        using var temp = new TempDirectory();
        var run = temp.File("run");
        RunPins.ClaimDirectory(Options, run);
        RunPins.PinInputs(run, Inputs);
        var other = new Dictionary<string, string>(Inputs) { ["eval/en-seed"] = "b2", ["eval/zh-seed"] = "ee" };

        // Act
        var error = Assert.Throws<InputException>(() => RunPins.PinInputs(run, other));

        // Assert
        Assert.That(error!.Message, Does.Contain("other inputs (eval/en-seed, eval/zh-seed differ"));
    }

    [Test]
    public void A_resume_with_other_settings_is_refused_naming_them()
    {
        // Arrange
        using var temp = new TempDirectory();
        var run = temp.File("run");
        RunPins.ClaimDirectory(Options, run);
        RunPins.PinInputs(run, Inputs);

        // Act
        var error = Assert.Throws<InputException>(() => RunPins.ClaimDirectory(Options with { K = 8, Control = true }, run));

        // Assert
        Assert.That(error!.Message, Does.Contain("other settings (control, k;"));
    }
}
