namespace SIaM.Sandbox.Docker;

/// <summary>A worker container died, hung or broke the protocol; the pool replaces it and retries the program once.</summary>
internal sealed class WorkerFailedException(string message, Exception? inner = null) : Exception(message, inner);
