namespace SIaM.Backends.OpenAi;

/// <summary>
/// The endpoint cannot serve this run: it refused the requests in a way that retrying cannot fix (401, 403, 404 and
/// other 4xx except 400, 408, 413, 422 and 429: a wrong key, URL or model name; thrown at once with the server's own
/// message), or nothing accepted a connection through all the retries.
/// </summary>
public sealed class BackendRequestException(string message) : Exception(message);
