namespace SIaM.Core;

/// <summary>
/// Bad input from the user: a malformed file (named with its line), a missing field, an unknown name, a missing
/// directory. The CLI reports the message alone and exits with code 2.
/// </summary>
public sealed class InputException(string message) : Exception(message);
