namespace SIaM.Backends.Tests.Support;

/// <summary>What <see cref="FaultServer"/> does with one request.</summary>
public enum Fault
{
    None,
    ServerError,
    TooManyRequests,
    Slow,
    Truncated,
    CutJson,
    NotJson,
    Reset,
    BadRequest,
    Unauthorized,
    NotFound,
    Hang,
}
