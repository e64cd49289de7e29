using SIaM.SelfImprovement.Synthetic;
using SIaM.Tokenization;
using SIaM.TorchSharp.Generation;
using SIaM.TorchSharp.Models;

namespace SIaM.SelfImprovement;

/// <summary>How often a policy's greedy program for a synthetic question is its reference program, token for token.</summary>
public static class ProgramMatch
{
    /// <summary>The share of <paramref name="problems"/> whose greedy completion decodes to the decoded reference program.</summary>
    public static double Rate(CausalLm lm, HfTokenizer tokenizer, IReadOnlyList<SyntheticProblem> problems)
    {
        if (problems.Count == 0) return 0;
        var prompts = problems.Select(p => (IReadOnlyList<int>)tokenizer.Encode(PolicyFormat.Prompt(p.Question))).ToList();
        var generated = new BatchGenerator(lm).Generate(prompts, new GenerationOptions(MaxNewTokens: 64, EosTokenIds: [1]));
        var matched = problems.Where((p, i) =>
            tokenizer.Decode(generated[i].Tokens).Trim() == tokenizer.Decode(tokenizer.Encode(p.Program, addSpecialTokens: false)).Trim()).Count();
        return (double)matched / problems.Count;
    }
}
