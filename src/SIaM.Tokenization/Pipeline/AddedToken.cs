namespace SIaM.Tokenization.Pipeline;

/// <summary>An entry of tokenizer.json's <c>added_tokens</c>: matched in the text before normalization and BPE.</summary>
internal sealed record AddedToken(int Id, string Content, bool Special, bool SingleWord, bool LeftStrip, bool RightStrip, bool Normalized);

/// <summary>A part of the input: either an added token's id or text to normalize and pre-tokenize.</summary>
internal readonly record struct Segment(int? TokenId, string Text, bool AtTextStart);
