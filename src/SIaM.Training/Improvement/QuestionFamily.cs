namespace SIaM.Training.Improvement;

/// <summary>The family and language of a question, and whether the family is new (absent from the seed programs).</summary>
public sealed record QuestionFamily(string Family, string Language, bool New);
