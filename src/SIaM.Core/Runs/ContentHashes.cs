using System.Text.Json;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;

namespace SIaM.Core.Runs;

/// <summary>
/// The per-sample hashes that let two runs pair a sample only when it is the same problem with the same reference.
/// Each is the lowercase hex SHA-256 of a JSON array of the texts, so no two different inputs share a preimage.
/// </summary>
public static class ContentHashes
{
    /// <summary>The question and the choices (letter, text; in letter order) exactly as shown to the model.</summary>
    public static string Problem(Problem problem) => Sha256.Hex(JsonSerializer.Serialize(
        new[] { problem.Question }.Concat((problem.Choices ?? new Dictionary<string, string>())
            .OrderBy(c => c.Key, StringComparer.Ordinal).SelectMany(c => new[] { c.Key, c.Value }))));

    /// <summary>The reference answer and its kind (the kind decides how it is compared).</summary>
    public static string Reference(Problem problem) => Sha256.Hex(JsonSerializer.Serialize(
        new[] { problem.AnswerKind.ToString(), problem.Reference }));
}
