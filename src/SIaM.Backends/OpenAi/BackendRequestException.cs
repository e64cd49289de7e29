namespace SIaM.Backends.OpenAi;

/// <summary>
/// The server refused the requests in a way that retrying cannot fix (401, 403, 404 and other 4xx except 400, 408, 413,
/// 422 and 429): a wrong key, URL or model name. Thrown at once, without retries, with the server's own message.
/// </summary>
public sealed class BackendRequestException(string message) : Exception(message);
