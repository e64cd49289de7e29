namespace SIaM.Data;

/// <summary>What <see cref="DataFetcher"/> did with one file.</summary>
public enum FetchOutcome
{
    /// <summary>Downloaded, verified and moved into place.</summary>
    Downloaded,
    /// <summary>Already present with the manifest's sha256; left alone.</summary>
    AlreadyPresent,
    /// <summary>Not fetched; nothing was written (see the message).</summary>
    Failed,
}

/// <summary>The result of fetching one benchmark's data file.</summary>
/// <param name="Id">Benchmark id.</param>
/// <param name="Path">The destination path.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">Details for the user.</param>
public sealed record FetchResult(string Id, string Path, FetchOutcome Outcome, string Message);
