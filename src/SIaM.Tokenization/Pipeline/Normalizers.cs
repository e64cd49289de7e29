using System.Text;

namespace SIaM.Tokenization.Pipeline;

/// <summary>A tokenizer.json normalizer: rewrites one text segment (added tokens are never normalized).</summary>
internal interface ITextNormalizer
{
    string Normalize(string text);
}

/// <summary>Unicode normalization (NFC, NFD, NFKC, NFKD).</summary>
internal sealed class UnicodeNormalizer(NormalizationForm form) : ITextNormalizer
{
    public string Normalize(string text) => text.Normalize(form);
}

/// <summary>Prepends a string to a non-empty segment (Llama-2's "▁").</summary>
internal sealed class PrependNormalizer(string prefix) : ITextNormalizer
{
    public string Normalize(string text) => text.Length == 0 ? text : prefix + text;
}

/// <summary>Replaces every match of a literal or regex pattern.</summary>
internal sealed class ReplaceNormalizer(string? literal, UnicodeRegex? regex, string content) : ITextNormalizer
{
    public string Normalize(string text)
    {
        if (literal is not null) return literal.Length == 0 ? text : text.Replace(literal, content, StringComparison.Ordinal);
        var sb = new StringBuilder(text.Length);
        var last = 0;
        foreach (var (start, length) in regex!.Matches(text))
        {
            sb.Append(text, last, start - last).Append(content);
            last = start + length;
        }
        return sb.Append(text, last, text.Length - last).ToString();
    }
}

/// <summary>Lower-cases the segment (culture-invariant).</summary>
internal sealed class LowercaseNormalizer : ITextNormalizer
{
    public string Normalize(string text) => text.ToLowerInvariant();
}

/// <summary>Strips whitespace on the left and/or right.</summary>
internal sealed class StripNormalizer(bool left, bool right) : ITextNormalizer
{
    public string Normalize(string text) => left && right ? text.Trim() : left ? text.TrimStart() : right ? text.TrimEnd() : text;
}

/// <summary>Applies normalizers in order.</summary>
internal sealed class SequenceNormalizer(IReadOnlyList<ITextNormalizer> steps) : ITextNormalizer
{
    public string Normalize(string text) => steps.Aggregate(text, (current, step) => step.Normalize(current));
}
