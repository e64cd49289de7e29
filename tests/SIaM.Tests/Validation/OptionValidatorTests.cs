using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Validation;

namespace SIaM.Tests.Validation;

/// <summary>The small option validators each verb runs before any work: what they accept, and what they say when they refuse.</summary>
public sealed class OptionValidatorTests
{
    private static string? Message(IOptionValidator validator) => validator.Validate().Select(e => e.Message).SingleOrDefault();

    [TestCase(1L, null)]
    [TestCase(0L, "--n must be > 0, got 0")]
    [TestCase(-3L, "--n must be > 0, got -3")]
    public void A_positive_integer_option_refuses_zero_and_below(long value, string? expected)
    {
        // Act + Assert
        Assert.That(Message(IntRangeValidator.Positive("--n", value)), Is.EqualTo(expected));
    }

    [Test]
    public void An_absent_optional_integer_is_valid()
    {
        // Act + Assert
        Assert.That(Message(IntRangeValidator.Positive("--limit", null)), Is.Null);
    }

    [TestCase(2L, null)]
    [TestCase(3L, "--few-shot must be from 0 to 2, got 3")]
    [TestCase(-1L, "--few-shot must be from 0 to 2, got -1")]
    public void A_bounded_integer_option_names_both_bounds(long value, string? expected)
    {
        // Act + Assert
        Assert.That(Message(new IntRangeValidator("--few-shot", value, 0, 2)), Is.EqualTo(expected));
    }

    [TestCase(0.0, null)]
    [TestCase(1.0, null)]
    [TestCase(2.0, "--threshold must be a probability in [0, 1], got 2")]
    [TestCase(-0.5, "--threshold must be a probability in [0, 1], got -0.5")]
    [TestCase(double.NaN, "--threshold must be a probability in [0, 1], got NaN")]
    public void A_probability_is_within_zero_and_one_inclusive(double value, string? expected)
    {
        // Act + Assert
        Assert.That(Message(NumberRangeValidator.Probability("--threshold", value)), Is.EqualTo(expected));
    }

    [TestCase(0.05, null)]
    [TestCase(0.0, "--alpha must be a significance level in (0, 1), got 0")]
    [TestCase(1.0, "--alpha must be a significance level in (0, 1), got 1")]
    public void A_significance_level_excludes_both_ends(double value, string? expected)
    {
        // Act + Assert
        Assert.That(Message(NumberRangeValidator.SignificanceLevel("--alpha", value)), Is.EqualTo(expected));
    }

    [TestCase("2/4", null)]
    [TestCase("0/4", "--shard '0/4': the shard index I must be from 1 to 4 (shards are numbered from 1)")]
    [TestCase("2of4", "--shard '2of4' is not a shard: write I/N with whole numbers 1 ≤ I ≤ N, e.g. 2/4")]
    public void A_shard_is_I_of_N(string text, string? expected)
    {
        // Act + Assert
        Assert.That(Message(new ShardValidator("--shard", text)), Is.EqualTo(expected));
    }

    [Test]
    public void A_choice_lists_the_names_allowed()
    {
        // Act + Assert
        Assert.That(Message(new ChoiceValidator("--sandbox", "podman", ["docker", "local-unsafe", "none"])),
            Is.EqualTo("unknown --sandbox 'podman': use docker, local-unsafe or none"));
    }

    [Test]
    public void Generation_settings_are_named_by_their_options()
    {
        // Act
        var messages = new GenerationConfigValidator(new GenerationConfig(-1, 2, 0, 16)).Validate().Select(e => e.Message).ToList();

        // Assert
        Assert.That(messages, Has.Count.EqualTo(2));
        Assert.That(messages[0], Does.StartWith("--temperature must be"));
        Assert.That(messages[1], Does.StartWith("--top-p must be in (0, 1]"));
    }

    [Test]
    public void A_model_spec_with_an_unknown_prefix_lists_the_known_ones_and_the_kind_checks_its_argument()
    {
        // Arrange
        var kinds = new Dictionary<string, Func<string, string?>>
        {
            ["oracle"] = _ => null,
            ["replay"] = file => file.Length == 0 ? "needs a file" : null,
        };

        // Act + Assert
        Assert.That(Message(new ModelSpecValidator("--model", "gpt:x", kinds)),
            Is.EqualTo("unknown model spec 'gpt:x' (--model): the prefix must be one of oracle:, replay:"));
        Assert.That(Message(new ModelSpecValidator("--model", "replay:", kinds)), Is.EqualTo("--model replay:: needs a file"));
        Assert.That(Message(new ModelSpecValidator("--model", "oracle:", kinds)), Is.Null);
    }

    [Test]
    public void Preflight_names_every_problem_in_one_input_error_and_passes_valid_options()
    {
        // Arrange
        IOptionValidator[] validators =
        [
            IntRangeValidator.Positive("--n", 0),
            NumberRangeValidator.Probability("--threshold", 2),
            new RequirementValidator(false, "never shown"),
        ];

        // Act
        var error = Assert.Throws<InputException>(() => Preflight.ThrowIfInvalid(validators));

        // Assert
        Assert.That(error!.Message, Is.EqualTo("--n must be > 0, got 0; --threshold must be a probability in [0, 1], got 2"));
        Assert.DoesNotThrow(() => Preflight.ThrowIfInvalid([IntRangeValidator.Positive("--n", 4)]));
    }
}
