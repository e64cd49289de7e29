using SIaM.Core;
using SIaM.Reporting.Gating;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Gating;

/// <summary>A bad gate file is refused with its line and the key at fault, never with an internal type name.</summary>
[TestFixture]
public sealed class GateFileErrorTests
{
    [TestCase("defaults:\n  max_drop: 2\n", "gate.yaml:1: unknown key 'defaults' in the gate file; allowed keys: default, benchmarks, suites")]
    [TestCase("benchmarks:\n  gsm8k: { max_dropp: 1 }\n", "gate.yaml:2: unknown key 'max_dropp' in benchmarks.gsm8k; allowed keys: max_drop, alpha")]
    [TestCase("suites:\n  zh-ood:\n    alpha: 0.01\n    tolerance: 3\n",
        "gate.yaml:4: unknown key 'tolerance' in suites.zh-ood; allowed keys: max_drop, alpha")]
    [TestCase("default:\n  max_drop: lots\n", "gate.yaml:2: default.max_drop must be a number, got 'lots'")]
    [TestCase("benchmarks: [gsm8k, math]\n", "gate.yaml:1: benchmarks must be a mapping of names to thresholds")]
    [TestCase("default:\n  max_drop: -1\n", "default.max_drop must be >= 0 points")]
    public void Names_the_line_and_the_key_and_the_keys_allowed_there(string yaml, string expected)
    {
        // Arrange
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("gate.yaml"), yaml);

        // Act
        var error = Assert.Throws<InputException>(() => GateFile.Read(temp.File("gate.yaml"), new GateThreshold(1, 0.05)));

        // Assert
        Assert.That(error!.Message, Does.Contain(expected));
        Assert.That(error.Message, Does.Not.Contain("SIaM.").And.Not.Contain("GateFile"), "an internal type name leaked into the message");
    }

    [Test]
    public void An_empty_file_and_empty_sections_take_the_command_line_thresholds()
    {
        // Arrange
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("gate.yaml"), "benchmarks:\nsuites:\n");

        // Act
        var policy = GateFile.Read(temp.File("gate.yaml"), new GateThreshold(1.5, 0.1));

        // Assert
        Assert.That(policy.For("gsm8k", isSuite: false), Is.EqualTo(new GateThreshold(1.5, 0.1)));
    }
}
