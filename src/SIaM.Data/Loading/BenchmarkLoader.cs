using SIaM.Core;
using SIaM.Core.Benchmarks;

namespace SIaM.Data;

/// <summary>Reads a benchmark's data file, checks it against the manifest and maps every record.</summary>
public static class BenchmarkLoader
{
    /// <summary>
    /// Loads benchmark <paramref name="id"/> from <paramref name="root"/>. A file whose sha256 differs from the manifest is
    /// refused (an <see cref="InputException"/> naming the file and both hashes) unless <paramref name="allowUnverified"/>.
    /// A malformed record is reported with its file and line.
    /// </summary>
    public static LoadedBenchmark Load(string id, DataRoot root, bool allowUnverified)
    {
        var spec = BenchmarkRegistry.Get(id);
        return LoadFile(spec, root.Locate(spec), allowUnverified);
    }

    /// <summary>Loads <paramref name="spec"/> from the file at <paramref name="path"/>.</summary>
    public static LoadedBenchmark LoadFile(BenchmarkSpec spec, string path, bool allowUnverified)
    {
        var bytes = File.ReadAllBytes(path);
        var sha256 = FileHash.Sha256(bytes);
        var verified = sha256 == spec.Manifest.Sha256;
        if (!verified && !allowUnverified)
            throw new InputException(
                $"{path}: sha256 {sha256} differs from the manifest's {spec.Manifest.Sha256} for benchmark '{spec.Id}' " +
                $"({spec.Manifest.Name}); refusing to evaluate an unpinned file. Pass --allow-unverified to use it anyway.");

        var problems = MapAll(spec, path, bytes);
        if (problems.Count == 0) throw new InputException($"{path}: benchmark '{spec.Id}' has no records");
        if (verified && problems.Count != spec.Manifest.Records)
            throw new InputException($"{path}: read {problems.Count} records, the manifest says {spec.Manifest.Records}");
        return new LoadedBenchmark(spec.Info, problems, sha256, verified);
    }

    private static List<Problem> MapAll(BenchmarkSpec spec, string path, byte[] bytes)
    {
        var problems = new List<Problem>(spec.Manifest.Records);
        foreach (var record in RecordReader.Read(spec.Id, spec.Format, path, bytes))
        {
            try { problems.Add(spec.Map(record)); }
            catch (Exception e) when (e is not InputException) { throw record.Error(e.Message); }
        }
        return problems;
    }
}
