namespace SIaM.Grading;

/// <summary>A reference answer in canonical form.</summary>
/// <param name="Parsed">True when every part was understood (as math, or as a plain-word answer).</param>
/// <param name="Canonical">The canonical text: exact rationals reduced, expressions in sorted canonical form.</param>
/// <param name="Form">What it is: <c>number</c>, <c>expression</c>, <c>text</c>, <c>tuple</c>, <c>set</c>, <c>interval</c>,
/// <c>union</c>, <c>matrix</c>, <c>relation</c>, <c>choice</c>, <c>multi-blank</c>, <c>list</c>, <c>unparsed</c>, or an exam form of
/// <see cref="ExamReference"/>: <c>alternatives</c>, <c>condition</c>, <c>blanks</c>, <c>trailing-stop</c>.</param>
public sealed record ParsedReference(bool Parsed, string Canonical, string Form);
