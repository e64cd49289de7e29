namespace SIaM.Core.Grading;

/// <summary>The recorded judgement of one sample: the answer, how it was extracted and what decided equality.</summary>
/// <param name="Correct">The score.</param>
/// <param name="Extracted">The extracted answer, if any.</param>
/// <param name="ExtractionMethod">See <see cref="ExtractedAnswer.Method"/>.</param>
/// <param name="Path">The decision path (see <see cref="Equivalence.Path"/>), prefixed by the extraction method.</param>
/// <param name="NormalizedPrediction">The prediction after normalisation.</param>
/// <param name="NormalizedReference">The reference after normalisation.</param>
public sealed record Grade(
    bool Correct,
    string? Extracted,
    string ExtractionMethod,
    string Path,
    string? NormalizedPrediction,
    string? NormalizedReference);
