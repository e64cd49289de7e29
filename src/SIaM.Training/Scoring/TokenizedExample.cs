namespace SIaM.Training.Scoring;

/// <summary>A prompt and its response as token ids; the loss sees only the response tokens.</summary>
public sealed record TokenizedExample(IReadOnlyList<int> Prompt, IReadOnlyList<int> Response);
