using SIaM.TorchSharp.Models;
using static TorchSharp.torch;

namespace SIaM.TorchSharp.Tests.Models;

public sealed class GroupedQueryAttentionTests
{
    [Test]
    public void Grouped_kv_heads_give_the_logits_of_multi_head_attention_with_repeated_kv_weights()
    {
        // Arrange: 4 query heads share 2 KV heads; the equivalent MHA model repeats each KV head's rows for its 2 query
        // heads (query head h reads KV head h / 2, as Hugging Face repeat_kv does)
        var gqaConfig = CausalLmConfig.Llama(vocabSize: 50, hiddenSize: 32, intermediateSize: 48, layers: 2, heads: 4, kvHeads: 2);
        using var gqa = CausalLm.Create(gqaConfig);
        gqa.InitializeRandom(seed: 3);
        using var mha = CausalLm.Create(gqaConfig with { NumKeyValueHeads = 4 });
        var source = gqa.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using (no_grad())
            foreach (var (name, target) in mha.named_parameters())
            {
                Tensor weight = source[name];
                if (name.Contains("k_proj") || name.Contains("v_proj"))
                    weight = weight.view(2, 1, 8, 32).expand(2, 2, 8, 32).reshape(32, 32); // (Hkv*D, C) -> (H*D, C)
                target.copy_(weight);
            }
        using var ids = tensor(new long[,] { { 5, 9, 1, 33, 7, 2 } });
        using var valid = ones_like(ids, ScalarType.Bool);

        // Act
        using var expected = mha.Forward(ids, valid);
        using var actual = gqa.Forward(ids, valid);

        // Assert
        Assert.That((actual - expected).abs().max().item<float>(), Is.LessThan(1e-5f));
        Assert.That(actual.abs().max().item<float>(), Is.GreaterThan(1e-3f));
    }
}
