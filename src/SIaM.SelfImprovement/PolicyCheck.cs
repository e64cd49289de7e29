using SIaM.Core;
using SIaM.Tokenization;

namespace SIaM.SelfImprovement;

/// <summary>What the loop needs of a starting policy, checked before anything is started or written.</summary>
public static class PolicyCheck
{
    /// <summary>The policy directory has a tokenizer with an EOS token (training targets end with it; padding falls back to it).</summary>
    /// <exception cref="InputException">The directory, its tokenizer or its EOS token is missing.</exception>
    public static void RequireTrainable(string directory)
    {
        if (!Directory.Exists(directory)) throw new InputException($"hf:{directory}: no such directory");
        var tokenizer = HfTokenizer.Load(directory);
        if (tokenizer.EosTokenIds.Count == 0)
            throw new InputException(
                $"{directory}: the policy's tokenizer has no EOS token and " +
                $"{(tokenizer.PadTokenId is null ? "no pad token" : "only a pad token")} " +
                "(set eos_token in tokenizer_config.json or eos_token_id in generation_config.json): " +
                "training targets must end with EOS and padding falls back to it");
    }
}
