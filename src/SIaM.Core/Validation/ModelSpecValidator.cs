namespace SIaM.Core.Validation;

/// <summary>
/// A model spec <c>PREFIX:ARGUMENT</c>: the prefix must be a known kind, and the kind's own check of the argument
/// (a file or directory that must exist, a URL with a model name) must pass. Nothing is loaded or contacted.
/// </summary>
/// <param name="Option">The option that gave the spec (<c>--model</c>, <c>--critic</c>).</param>
/// <param name="Spec">The spec.</param>
/// <param name="Kinds">Each prefix (without the colon) and its argument check: the problem, or null when it is fine.</param>
public sealed record ModelSpecValidator(string Option, string Spec, IReadOnlyDictionary<string, Func<string, string?>> Kinds) : IOptionValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate()
    {
        var colon = Spec.IndexOf(':');
        var prefix = colon < 0 ? Spec : Spec[..colon];
        if (!Kinds.TryGetValue(prefix, out var check))
        {
            var prefixes = string.Join(", ", Kinds.Keys.Order(StringComparer.Ordinal).Select(k => k + ":"));
            yield return new ValidationError($"unknown model spec '{Spec}' ({Option}): the prefix must be one of {prefixes}");
            yield break;
        }
        if (check(colon < 0 ? "" : Spec[(colon + 1)..]) is { } problem) yield return new ValidationError($"{Option} {Spec}: {problem}");
    }
}
