using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;
using SIaM.TorchSharp.Tests.Support;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Tests.Models;

/// <summary>
/// Golden checks against ../shared/model-fixtures/tiny-random-qwen2 (SOURCES.md §6): grouped-query attention (4 query
/// heads, 2 KV heads), q/k/v biases, tied embeddings and rope_theta 1e6 — the paths the Llama fixture never runs. The
/// references come from an independent float64 forward pass.
/// </summary>
public sealed class TinyQwen2GoldenTests
{
    private static CausalLm _lm = null!;

    [OneTimeSetUp]
    public static void LoadModel() => _lm = CausalLm.FromPretrained(Fixtures.TinyQwen2);

    [OneTimeTearDown]
    public static void DisposeModel() => _lm.Dispose();

    [Test]
    public void Loads_as_qwen2_with_grouped_kv_heads_qkv_biases_and_tied_embeddings()
    {
        // Act
        var config = _lm.Config;
        var names = _lm.named_parameters().Select(p => p.name).ToHashSet();

        // Assert
        Assert.That((config.ModelType, config.NumAttentionHeads, config.NumKeyValueHeads, config.HeadDim), Is.EqualTo(("qwen2", 4, 2, 8)));
        Assert.That((config.QkvBias, config.OutputBias, config.TieWordEmbeddings), Is.EqualTo((true, false, true)));
        Assert.That(names, Does.Contain("model.layers.0.self_attn.q_proj.bias").And.Not.Contain("lm_head.weight"));
    }

    [Test]
    public void Prefill_logits_of_each_prompt_alone_match_the_reference_within_1e4()
    {
        // Arrange
        var reference = Safetensors.LoadStateDict(Path.Combine(Fixtures.TinyQwen2, "reference_logits.safetensors"));
        try
        {
            Assert.That(reference.Keys.Order(), Is.EqualTo(new[] { "p0.logits", "p1.logits", "p2.logits" }));
            foreach (var c in Qwen2ReferenceOutputs.All())
            {
                using var ids = tensor(c.Prompt.Select(i => (long)i).ToArray()).view(1, -1);
                using var valid = ones_like(ids, ScalarType.Bool);

                // Act
                using var logits = _lm.Forward(ids, valid); // (1, T, V)

                // Assert
                var difference = MaxDifference(logits[0], reference[c.Name + ".logits"]);
                TestContext.Out.WriteLine($"{c.Name}: max |logit - reference| = {difference:E2}");
                Assert.That(difference, Is.LessThan(1e-4f), $"{c.Name}: max |logit - reference| = {difference}");
            }
        }
        finally
        {
            foreach (var t in reference.Values) t.Dispose();
        }
    }

    [Test]
    public void Prefill_logits_in_one_left_padded_batch_match_the_reference_within_1e4()
    {
        // Arrange: the three prompts (5, 6 and 3 tokens) left-padded to 6; padding positions are not compared
        var cases = Qwen2ReferenceOutputs.All();
        var width = cases.Max(c => c.Prompt.Length);
        var ids = new long[cases.Count, width];
        var valid = new bool[cases.Count, width];
        for (var row = 0; row < cases.Count; row++)
            for (var j = 0; j < cases[row].Prompt.Length; j++)
            {
                ids[row, width - cases[row].Prompt.Length + j] = cases[row].Prompt[j];
                valid[row, width - cases[row].Prompt.Length + j] = true;
            }
        var reference = Safetensors.LoadStateDict(Path.Combine(Fixtures.TinyQwen2, "reference_logits.safetensors"));
        try
        {
            using var idsTensor = tensor(ids);
            using var validTensor = tensor(valid);

            // Act
            using var logits = _lm.Forward(idsTensor, validTensor); // (B, width, V)

            // Assert
            for (var row = 0; row < cases.Count; row++)
            {
                var length = cases[row].Prompt.Length;
                using var real = logits[row].narrow(0, width - length, length);
                var difference = MaxDifference(real, reference[cases[row].Name + ".logits"]);
                Assert.That(difference, Is.LessThan(1e-4f), $"{cases[row].Name} in the batch: max |logit - reference| = {difference}");
            }
        }
        finally
        {
            foreach (var t in reference.Values) t.Dispose();
        }
    }

    [TestCase(true, false, TestName = "Greedy_continuations_match_the_reference_cached_one_prompt_at_a_time")]
    [TestCase(false, false, TestName = "Greedy_continuations_match_the_reference_uncached_one_prompt_at_a_time")]
    [TestCase(true, true, TestName = "Greedy_continuations_match_the_reference_cached_in_one_batch")]
    [TestCase(false, true, TestName = "Greedy_continuations_match_the_reference_uncached_in_one_batch")]
    public void Greedy_continuations_match_the_reference(bool useCache, bool batched)
    {
        // Arrange
        var generator = new BatchGenerator(_lm);
        var cases = Qwen2ReferenceOutputs.All();
        var options = new GenerationOptions(8, UseCache: useCache); // no EOS: the reference runs all 8 steps

        // Act
        var generated = batched
            ? generator.Generate(cases.Select(c => (IReadOnlyList<int>)c.Prompt).ToList(), options)
            : cases.Select(c => generator.Generate([c.Prompt], options).Single()).ToList();

        // Assert
        Assert.That(cases, Has.Count.EqualTo(3));
        for (var i = 0; i < cases.Count; i++)
        {
            Assert.That(generated[i].Tokens, Is.EqualTo(cases[i].Greedy8), cases[i].Name);
            Assert.That(generated[i].FinishReason, Is.EqualTo("length"), cases[i].Name);
        }
    }

    private static float MaxDifference(Tensor actual, Tensor expected)
    {
        Assert.That(actual.shape, Is.EqualTo(expected.shape));
        using var difference = (actual - expected).abs().max();
        return difference.item<float>();
    }
}
