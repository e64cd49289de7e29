namespace SIaM.SelfImprovement;

/// <summary>The family and language of a question, and whether the family is new (absent from the seed programs).</summary>
/// <param name="Tier">The family's tier (<c>seed</c>, <c>answer-only</c>, <c>unseen</c>).</param>
public sealed record QuestionFamily(string Family, string Language, bool New, string Tier = "");
