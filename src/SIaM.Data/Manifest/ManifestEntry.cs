namespace SIaM.Data;

/// <summary>One benchmark's entry in <c>benchmarks-data/manifest.json</c>.</summary>
/// <param name="File">Path relative to the data root.</param>
/// <param name="Name">Human-readable benchmark name.</param>
/// <param name="Language">"en" or "zh".</param>
/// <param name="Records">Expected record count.</param>
/// <param name="Bytes">Expected file size.</param>
/// <param name="Sha256">Expected lowercase hex SHA-256 of the file.</param>
/// <param name="Url">Pinned upstream raw URL.</param>
/// <param name="Licence">Licence of the source.</param>
/// <param name="Fields">Field mapping as text: question, reference and (optionally) solution.</param>
public sealed record ManifestEntry(
    string File,
    string Name,
    string Language,
    int Records,
    long Bytes,
    string Sha256,
    string Url,
    string Licence,
    IReadOnlyDictionary<string, string> Fields);
