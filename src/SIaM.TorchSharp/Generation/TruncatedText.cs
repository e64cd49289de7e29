namespace SIaM.TorchSharp.Generation;

/// <summary>Generated text cut before its first stop sequence; <see cref="Stopped"/> tells whether one was found.</summary>
public sealed record TruncatedText(string Text, bool Stopped);
