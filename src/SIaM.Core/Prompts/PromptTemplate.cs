using System.Security.Cryptography;
using System.Text;
using SIaM.Core.Benchmarks;

namespace SIaM.Core.Prompts;

/// <summary>The exact wording for one prompt style in one language.</summary>
/// <param name="Style">The prompt style.</param>
/// <param name="Language">The language of the wording.</param>
/// <param name="System">The system message.</param>
/// <param name="Instruction">Text placed before the question in the user turn.</param>
/// <param name="Exemplars">Worked examples (question, answer) usable as few-shot turns.</param>
public sealed record PromptTemplate(
    PromptStyle Style,
    Language Language,
    string System,
    string Instruction,
    IReadOnlyList<Exemplar> Exemplars)
{
    /// <summary>The key of this template, e.g. <c>pot/en</c>.</summary>
    public string Key => $"{Style.ToString().ToLowerInvariant()}/{Language.ToString().ToLowerInvariant()}";

    /// <summary>SHA-256 of every text of the template, so any wording change shows in provenance.</summary>
    public string Hash => Sha256.Hex(string.Join("\u0000",
        new[] { Key, System, Instruction }.Concat(Exemplars.SelectMany(e => new[] { e.Question, e.Answer }))));
}

/// <summary>A worked example used as a few-shot turn.</summary>
public sealed record Exemplar(string Question, string Answer);

/// <summary>Lowercase hex SHA-256 of UTF-8 text.</summary>
public static class Sha256
{
    /// <summary>The hash of <paramref name="text"/>.</summary>
    public static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
