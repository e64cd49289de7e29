using System.Text.Json.Serialization;

namespace SIaM.Sandbox.Docker;

/// <summary>One request to the in-container worker (see image/worker.py for the other side).</summary>
internal sealed record WorkerRequest(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("cpu")] double CpuSeconds,
    [property: JsonPropertyName("wall")] double WallSeconds,
    [property: JsonPropertyName("out")] int StdoutLimit,
    [property: JsonPropertyName("err")] int StderrLimit,
    [property: JsonPropertyName("mem")] int MemoryMiB,
    [property: JsonPropertyName("fsize")] long FileSizeLimit,
    [property: JsonPropertyName("ping")] bool Ping = false);

/// <summary>The worker's reply: a verdict, <c>pong</c> to a ping, or (unasked, on stdout) why it could not use the direct channel.</summary>
internal sealed record WorkerReply(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("exit_code")] int? ExitCode,
    [property: JsonPropertyName("stdout")] string? Stdout,
    [property: JsonPropertyName("stderr")] string? Stderr,
    [property: JsonPropertyName("duration_ms")] double DurationMs,
    [property: JsonPropertyName("truncated")] bool Truncated,
    [property: JsonPropertyName("pong")] bool Pong = false,
    [property: JsonPropertyName("recycle")] bool Recycle = false,
    [property: JsonPropertyName("python")] string? Python = null,
    [property: JsonPropertyName("sympy")] string? Sympy = null,
    [property: JsonPropertyName("numpy")] string? Numpy = null,
    [property: JsonPropertyName("idle_ms")] double IdleMs = 0,
    [property: JsonPropertyName("busy_ms")] double BusyMs = 0,
    [property: JsonPropertyName("reason")] string? Reason = null);
