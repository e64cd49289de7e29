using SIaM.Training.Scoring;

namespace SIaM.Training.Trainers;

/// <summary>An accepted (chosen) and a rejected response to the same prompt, as token ids.</summary>
public sealed record PreferencePair(IReadOnlyList<int> Prompt, IReadOnlyList<int> Chosen, IReadOnlyList<int> Rejected)
{
    /// <summary>The prompt with the chosen response.</summary>
    public TokenizedExample ChosenExample => new(Prompt, Chosen);

    /// <summary>The prompt with the rejected response.</summary>
    public TokenizedExample RejectedExample => new(Prompt, Rejected);
}
