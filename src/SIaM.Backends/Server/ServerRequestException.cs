namespace SIaM.Backends.Server;

/// <summary>A request the server refuses, answered with <paramref name="status"/> and an OpenAI-style error body.</summary>
internal sealed class ServerRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
