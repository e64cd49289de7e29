namespace SIaM.Testing;

/// <summary>How a child process ended: its exit code and everything it printed.</summary>
public sealed record ProcessOutcome(int ExitCode, string Stdout, string Stderr);
