namespace SIaM.Grading.Expressions;

internal enum TokenKind { Number, Name, Command, Symbol, End }

/// <summary>One lexical token: a number literal, a name, a LaTeX command (without backslash) or a symbol.</summary>
internal readonly record struct Token(TokenKind Kind, string Text);
