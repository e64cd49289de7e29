using SIaM.Core;

namespace SIaM.Data;

/// <summary>Checks data files against the manifest: present, sha256 equal, record count equal.</summary>
public static class DataVerifier
{
    /// <summary>Checks one benchmark's file; never throws for missing or bad data (it is reported in the result).</summary>
    public static DataCheck Check(BenchmarkSpec spec, DataRoot root)
    {
        var path = root.Find(spec.DataFile);
        if (path is null) return new DataCheck(spec.Id, null, null, null, false, "missing");
        try
        {
            var loaded = BenchmarkLoader.LoadFile(spec, path, allowUnverified: true);
            var problem = !loaded.Verified ? $"sha256 {loaded.DataSha256} differs from the manifest's {spec.Manifest.Sha256}"
                : loaded.Problems.Count != spec.Manifest.Records ? $"{loaded.Problems.Count} records, the manifest says {spec.Manifest.Records}"
                : null;
            return new DataCheck(spec.Id, path, loaded.DataSha256, loaded.Problems.Count, problem is null, problem);
        }
        catch (InputException e)
        {
            return new DataCheck(spec.Id, path, null, null, false, e.Message);
        }
    }
}
