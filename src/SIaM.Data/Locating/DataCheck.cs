namespace SIaM.Data;

/// <summary>The state of one benchmark's data file.</summary>
/// <param name="Id">Benchmark id.</param>
/// <param name="Path">Where the file was found, or null when missing.</param>
/// <param name="Sha256">Its sha256, when found.</param>
/// <param name="Records">How many records loaded, when it loaded.</param>
/// <param name="Verified">True when sha256 and record count equal the manifest's.</param>
/// <param name="Problem">What is wrong, or null.</param>
public sealed record DataCheck(string Id, string? Path, string? Sha256, int? Records, bool Verified, string? Problem);
