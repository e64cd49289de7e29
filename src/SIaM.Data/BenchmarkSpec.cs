using SIaM.Core.Benchmarks;

namespace SIaM.Data;

/// <summary>One benchmark: what it is, where its data file lives and how a raw record becomes a <see cref="Problem"/>.</summary>
/// <param name="Info">Id, version, language and answer kind.</param>
/// <param name="DataFile">The data file path relative to a data root, e.g. <c>gsm8k/test.jsonl</c>.</param>
/// <param name="Format">How the file stores its records.</param>
/// <param name="Map">Maps one raw record to a problem; throws <see cref="SIaM.Core.InputException"/> naming the record on bad data.</param>
/// <param name="Suites">The suites that list this benchmark (from <c>benchmarks-data/suites.json</c>).</param>
/// <param name="UpstreamUrl">The pinned raw URL the file was taken from.</param>
/// <param name="Licence">The licence of the source, as recorded in the manifest.</param>
/// <param name="Manifest">The manifest entry: expected sha256, record count, bytes and field mapping.</param>
public sealed record BenchmarkSpec(
    BenchmarkInfo Info,
    string DataFile,
    DataFormat Format,
    Func<RawRecord, Problem> Map,
    IReadOnlyList<string> Suites,
    string UpstreamUrl,
    string Licence,
    ManifestEntry Manifest)
{
    /// <summary>The benchmark id.</summary>
    public string Id => Info.Id;
}
