namespace SIaM.Grading.Normalization;

/// <summary>An answer after unit stripping.</summary>
/// <param name="Text">The answer without its unit or count words.</param>
/// <param name="Unit">The canonical measurement unit removed (<c>cm</c>, <c>m^2</c>, <c>deg</c>), or null.</param>
/// <param name="Stripped">True when anything was removed.</param>
internal sealed record StrippedUnits(string Text, string? Unit, bool Stripped);
