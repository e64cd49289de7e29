namespace SIaM.Cli;

/// <summary>Bad input from the user (arguments, files): reported as one clear message and exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
