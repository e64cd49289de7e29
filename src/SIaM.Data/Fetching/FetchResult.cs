namespace SIaM.Data;

/// <summary>The result of fetching one benchmark's data file.</summary>
/// <param name="Id">Benchmark id.</param>
/// <param name="Path">The destination path.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">Details for the user.</param>
public sealed record FetchResult(string Id, string Path, FetchOutcome Outcome, string Message);
