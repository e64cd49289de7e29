namespace SIaM.Core.Benchmarks;

/// <summary>A benchmark whose data file has been read and mapped.</summary>
/// <param name="Info">The benchmark.</param>
/// <param name="Problems">Every record of the file, in file order.</param>
/// <param name="DataSha256">The lowercase hex SHA-256 of the data file that was read.</param>
/// <param name="Verified">True when <paramref name="DataSha256"/> equals the manifest's.</param>
public sealed record LoadedBenchmark(BenchmarkInfo Info, IReadOnlyList<Problem> Problems, string DataSha256, bool Verified);
