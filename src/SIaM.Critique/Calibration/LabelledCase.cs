namespace SIaM.Critique.Calibration;

/// <summary>A case with its true verdict, for calibrating a critic.</summary>
/// <param name="Case">What the critic reads.</param>
/// <param name="Label">True when the result is consistent with the reference.</param>
public sealed record LabelledCase(CritiqueCase Case, bool Label);
