using System.Runtime.InteropServices;

namespace SIaM.Cli;

/// <summary>
/// Turns the first SIGINT or SIGTERM into a cancellation that every verb honours (samples flushed, containers removed)
/// and remembers which signal it was, for the exit code (130 or 143). A second signal ends the process at once.
/// </summary>
internal sealed class Termination : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    public Termination() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];

    public CancellationToken Token => _cancel.Token;

    /// <summary>The exit code for a run ended by the signal received: 130 (SIGINT) or 143 (SIGTERM).</summary>
    public int ExitCode => Volatile.Read(ref _signal) == (int)PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;

    /// <summary>Whether a signal asked the process to stop.</summary>
    public bool Requested => _cancel.IsCancellationRequested;

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _signal, (int)context.Signal, 0) != 0) return; // second signal: default action
        context.Cancel = true;
        Console.Error.WriteLine(
            $"siam: {(context.Signal == PosixSignal.SIGTERM ? "SIGTERM" : "interrupted")}: stopping (finished samples are kept; send again to force)");
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }
}
