using System.Net.Sockets;

namespace SIaM.Core;

/// <summary>One line for any failure that reaches the top of a verb (or a check of a directory): never a stack trace.</summary>
public static class FailureMessages
{
    private const int NoSpace = 28; // ENOSPC
    private const int ReadOnlyFileSystem = 30; // EROFS

    public static string Describe(Exception e) => e switch
    {
        IOException io when io.HResult == NoSpace || io.Message.Contains("No space left", StringComparison.Ordinal) =>
            $"no space left on the device: {io.Message}. Free some space, then rerun the same command to resume.",
        IOException io when io.HResult == ReadOnlyFileSystem => $"read-only file system: {io.Message}",
        UnauthorizedAccessException => $"permission denied: {e.Message}",
        HttpRequestException { InnerException: SocketException socket } => $"connection failed: {socket.Message} ({e.Message})",
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => $"{e.Message} ({e.GetType().Name})",
    };
}
