using SIaM.Tokenization;
using SIaM.Training.Scoring;

namespace SIaM.Training.Critics;

/// <summary>
/// Prompt → continuation training examples tokenised exactly as the <c>hf:</c> backend scores a candidate after a plain
/// prompt: the prompt and prompt + continuation are each encoded as one text (special tokens added), and the response
/// is the tokens after their common prefix. Training and scoring then see the same token boundaries.
/// </summary>
public static class ContinuationExamples
{
    /// <summary>The example; null when the continuation adds no tokens to the prompt.</summary>
    public static TokenizedExample? Tokenize(HfTokenizer tokenizer, string prompt, string continuation)
    {
        var context = tokenizer.Encode(prompt);
        var whole = tokenizer.Encode(prompt + continuation);
        var shared = 0;
        while (shared < context.Count && shared < whole.Count && context[shared] == whole[shared]) shared++;
        if (shared == 0 || shared == whole.Count) return null;
        return new TokenizedExample(whole.Take(shared).ToArray(), whole.Skip(shared).ToArray());
    }

    /// <summary>
    /// Why the tokenizer cannot write the candidates after <paramref name="prompt"/> as distinct tokens that decode back
    /// to them (a vocabulary without their characters drops or replaces them), or null when it can.
    /// </summary>
    public static string? CandidateProblem(HfTokenizer tokenizer, string prompt, IReadOnlyList<string> candidates)
    {
        var responses = new List<string>();
        foreach (var candidate in candidates)
        {
            if (Tokenize(tokenizer, prompt, candidate) is not { } example) return $"'{candidate.Trim()}' adds no tokens after the prompt";
            var decoded = tokenizer.Decode(example.Response);
            if (decoded.Trim() != candidate.Trim()) return $"'{candidate.Trim()}' is tokenised as '{decoded.Trim()}' (the vocabulary lacks its characters)";
            responses.Add(string.Join(",", example.Response));
        }
        return responses.Distinct().Count() == responses.Count ? null : "the candidates are tokenised identically";
    }
}
