namespace SIaM.Core.Backends;

/// <summary>One chat turn. <see cref="Role"/> is <c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
public sealed record ChatMessage(string Role, string Content)
{
    /// <summary>A system message.</summary>
    public static ChatMessage System(string content) => new("system", content);
    /// <summary>A user message.</summary>
    public static ChatMessage User(string content) => new("user", content);
    /// <summary>An assistant message.</summary>
    public static ChatMessage Assistant(string content) => new("assistant", content);
}
