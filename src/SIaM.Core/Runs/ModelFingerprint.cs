namespace SIaM.Core.Runs;

/// <summary>
/// What identifies the model of a run, computed before it is loaded: <c>hf:</c> the sha256 over its config, weights and
/// tokenizer files; <c>replay:</c> the file's sha256; <c>openai:</c> the base URL and model name (in
/// <see cref="Spec"/>) and the model the server reports; <c>oracle:</c> nothing beyond the harness and data.
/// </summary>
/// <param name="Spec">The model spec as given.</param>
/// <param name="ContentSha256">SHA-256 of the model's content, when it has files; null otherwise.</param>
/// <param name="Details">What else identifies it (per-file hashes, the served model id), sorted by key.</param>
public sealed record ModelFingerprint(string Spec, string? ContentSha256, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>A model identified by its spec alone (scripted test backends, <c>oracle:</c>).</summary>
    public static ModelFingerprint SpecOnly(string spec) => new(spec, null, new SortedDictionary<string, string>(StringComparer.Ordinal));
}
