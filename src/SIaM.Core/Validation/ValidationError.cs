namespace SIaM.Core.Validation;

/// <summary>One problem found by an <see cref="IOptionValidator"/>.</summary>
/// <param name="Message">The message shown after <c>error:</c>, starting with the option's name and saying what is expected.</param>
public sealed record ValidationError(string Message);
