using SIaM.Core.Backends;

namespace SIaM.Critique.TrainingData;

/// <summary>
/// One line of the critic training set (<c>train.jsonl</c> / <c>heldout.jsonl</c>): the critic prompt as a plain text
/// (<paramref name="Prompt"/>, ending in the answer cue) and as chat messages, the target <paramref name="Response"/>
/// (<c>YES</c> or <c>NO</c>) and its boolean <paramref name="Label"/>; <paramref name="Id"/> and <paramref name="Sample"/>
/// name the source sample.
/// </summary>
public sealed record CriticTrainingExample(
    string Id,
    int Sample,
    string Benchmark,
    string Prompt,
    IReadOnlyList<ChatMessage> Messages,
    string Response,
    bool Label);
