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
