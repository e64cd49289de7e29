using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;
using SIaM.TorchSharp.Tests.Support;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Tests.Models;

/// <summary>Golden checks against ../shared/model-fixtures/tiny-random-llama (see its SOURCES.md).</summary>
public sealed class TinyLlamaGoldenTests
{
    private static readonly object[] Checkpoints = [new object[] { "f32" }, new object[] { "fp16" }];

    private static string Folder(string name) => name == "f32" ? Fixtures.TinyLlama : Fixtures.TinyLlamaFp16;

    [TestCaseSource(nameof(Checkpoints))]
    public void Greedy_generation_reproduces_the_upstream_continuations(string checkpoint)
    {
        // Arrange
        using var lm = CausalLm.FromPretrained(Folder(checkpoint));
        var generator = new BatchGenerator(lm);

        // Act
        var first = generator.Generate([[0, 0, 0, 52]], new GenerationOptions(6))[0];
        var second = generator.Generate([[0, 0, 195, 731]], new GenerationOptions(6))[0];

        // Assert
        Assert.That(first.Tokens, Is.EqualTo(new[] { 12102, 30463, 4666, 17192, 3266, 18061 }));
        Assert.That(second.Tokens, Is.EqualTo(new[] { 29592, 4877, 18112, 22607, 12936, 997 }));
        Assert.That(first.FinishReason, Is.EqualTo("length"));
    }

    [TestCaseSource(nameof(Checkpoints))]
    public void Prefill_logits_match_the_reference_within_1e4(string checkpoint)
    {
        // Arrange
        using var lm = CausalLm.FromPretrained(Folder(checkpoint));
        var reference = Safetensors.LoadStateDict(Path.Combine(Fixtures.TinyLlama, "reference_logits.safetensors"));
        var prompts = reference.Keys.Where(k => k.EndsWith(".input_ids", StringComparison.Ordinal)).Order().ToList();
        Assert.That(prompts, Has.Count.EqualTo(4));
        try
        {
            foreach (var key in prompts)
            {
                var prefix = key[..^".input_ids".Length];
                using var ids = reference[key].reshape(1, -1);
                using var valid = ones_like(ids, ScalarType.Bool);

                // Act
                using var logits = lm.Forward(ids, valid);

                // Assert
                using var expected = reference[prefix + ".logits"];
                var maxDifference = (logits[0] - expected).abs().max().item<float>();
                Assert.That(maxDifference, Is.LessThan(1e-4f), $"{prefix}: max |logit - reference| = {maxDifference}");
            }
        }
        finally
        {
            foreach (var t in reference.Values) t.Dispose();
        }
    }

    [Test]
    public void Ten_token_greedy_continuations_match_the_derived_references()
    {
        // Arrange
        using var lm = CausalLm.FromPretrained(Fixtures.TinyLlama);
        var generator = new BatchGenerator(lm);
        var cases = ReferenceOutputs.Derived();

        // Act
        var results = cases.Select(c => generator.Generate([c.Prompt], new GenerationOptions(10))[0].Tokens).ToList();

        // Assert
        Assert.That(cases, Has.Count.EqualTo(4));
        for (var i = 0; i < cases.Count; i++) Assert.That(results[i], Is.EqualTo(cases[i].Greedy10), $"prompt {i}");
    }
}
