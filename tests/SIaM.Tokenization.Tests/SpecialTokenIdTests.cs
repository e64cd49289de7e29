using SIaM.Tokenization.Tests.Support;

namespace SIaM.Tokenization.Tests;

/// <summary>BOS / EOS / PAD ids come from the tokenizer config, generation_config.json and the chat family.</summary>
public sealed class SpecialTokenIdTests
{
    [Test]
    public void Tiny_llama_reads_bos_eos_and_pad_from_its_config()
    {
        // Arrange / Act
        var tokenizer = Tokenizers.Llama2;

        // Assert: <s>=1, </s>=2, pad_token <unk>=0
        Assert.That((tokenizer.BosTokenId, tokenizer.EosTokenIds, tokenizer.PadTokenId), Is.EqualTo((1, new[] { 2 }, 0)));
    }

    [Test]
    public void Gpt2_uses_endoftext_for_bos_and_eos_and_has_no_pad()
    {
        // Arrange / Act
        var tokenizer = Tokenizers.Gpt2;

        // Assert
        Assert.That((tokenizer.BosTokenId, tokenizer.EosTokenIds, tokenizer.PadTokenId), Is.EqualTo((50256, new[] { 50256 }, (int?)null)));
    }

    [Test]
    public void Llama3_stops_on_end_of_text_and_on_the_chat_end_of_turn()
    {
        // Arrange / Act
        var tokenizer = Tokenizers.Llama3;

        // Assert: <|end_of_text|>=128001, <|eot_id|>=128009
        Assert.That(tokenizer.BosTokenId, Is.EqualTo(128000));
        Assert.That(tokenizer.EosTokenIds, Is.EqualTo(new[] { 128001, 128009 }));
    }

    [Test]
    public void Qwen2_base_stops_on_endoftext_and_on_im_end()
    {
        // Arrange / Act
        var tokenizer = Tokenizers.Qwen2;

        // Assert: <|endoftext|>=151643 (eos and pad), <|im_end|>=151645, no BOS
        Assert.That((tokenizer.BosTokenId, tokenizer.EosTokenIds, tokenizer.PadTokenId), Is.EqualTo(((int?)null, new[] { 151643, 151645 }, 151643)));
    }

    [Test]
    public void Generation_config_eos_ids_are_added_after_the_tokenizer_eos()
    {
        // Arrange
        using var dir = new TempDirectory();
        foreach (var file in Directory.GetFiles(Fixtures.Gpt2)) File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(dir.Path, "generation_config.json"), """{"eos_token_id": [50256, 198]}""");

        // Act
        var tokenizer = HfTokenizer.Load(dir.Path);

        // Assert
        Assert.That(tokenizer.EosTokenIds, Is.EqualTo(new[] { 50256, 198 }));
    }
}
