using SIaM.Critique.Pipeline;
using SIaM.Critique.Validation;
using SIaM.Testing;

namespace SIaM.Critique.Tests.Validation;

/// <summary>The critic options are refused before any run, data or critic is touched, each with what is wrong.</summary>
public sealed class CriticOptionsValidatorTests
{
    private static readonly Dictionary<string, Func<string, string?>> ModelKinds = new()
    {
        ["oracle"] = _ => null,
        ["hf"] = directory => Directory.Exists(directory) ? null : "no such checkpoint directory",
        ["replay"] = _ => null,
        ["openai"] = argument => argument.Contains('#') ? null : "has no model",
    };

    private static List<string> Messages(string? spec, string mode = "prob", double threshold = 0.5, int fewShot = 0, ScoringMode scoring = ScoringMode.Rule) =>
        new CriticOptionsValidator(spec, mode, threshold, fewShot, scoring, ModelKinds).Validate().Select(e => e.Message).ToList();

    [Test]
    public void Valid_options_pass()
    {
        // Arrange
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("v.jsonl"), "");

        // Act + Assert
        Assert.That(Messages($"replay:{temp.File("v.jsonl")}", scoring: ScoringMode.Cascade), Is.Empty);
        Assert.That(Messages("openai:http://127.0.0.1:8000/v1#critic"), Is.Empty);
        Assert.That(Messages("oracle:", mode: "text"), Is.Empty);
        Assert.That(Messages(null), Is.Empty);
    }

    [Test]
    public void An_unknown_spec_names_the_kinds_a_probability_critic_can_be()
    {
        // Act + Assert
        Assert.That(Messages("bogus:x", scoring: ScoringMode.Cascade),
            Is.EqualTo(new[] { "--critic bogus:x: unknown critic spec; use hf:…, openai:… or replay:FILE" }));
    }

    [Test]
    public void A_model_that_cannot_give_probabilities_is_pointed_to_text_mode()
    {
        // Act + Assert
        Assert.That(Messages("oracle:").Single(), Does.Contain("cannot score token probabilities").And.Contain("--critic-mode text"));
    }

    [TestCase(2.0, "--threshold must be a probability in [0, 1], got 2")]
    [TestCase(-0.1, "--threshold must be a probability in [0, 1], got -0.1")]
    public void A_threshold_outside_zero_to_one_is_refused(double threshold, string expected)
    {
        // Act + Assert
        Assert.That(Messages("openai:http://h/v1#c", threshold: threshold), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Few_shot_mode_and_a_scoring_without_critic_are_each_named()
    {
        // Act
        var messages = Messages(null, mode: "maybe", fewShot: 3, scoring: ScoringMode.Both);

        // Assert
        Assert.That(messages, Is.EqualTo(new[]
        {
            "--critic-few-shot must be from 0 to 2, got 3",
            "unknown --critic-mode 'maybe': use prob or text",
            "--scoring both needs a critic: give --critic SPEC, or use --scoring rule",
        }));
    }

    [Test]
    public void Files_and_directories_the_spec_names_must_exist()
    {
        // Arrange
        using var temp = new TempDirectory();

        // Act + Assert
        Assert.That(Messages($"replay:{temp.File("none.jsonl")}").Single(), Does.EndWith("none.jsonl: no such critic recording"));
        Assert.That(Messages($"hf:{temp.File("nockpt")}").Single(), Does.EndWith("nockpt: no such checkpoint directory"));
        Assert.That(Messages("openai:http://h/v1").Single(), Does.EndWith("has no model"));
    }
}
