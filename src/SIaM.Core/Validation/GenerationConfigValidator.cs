using SIaM.Core.Backends;

namespace SIaM.Core.Validation;

/// <summary>The decoding settings (<see cref="GenerationConfigChecks"/>), each named by its option <c>--temperature</c>, <c>--top-p</c>, ….</summary>
public sealed record GenerationConfigValidator(GenerationConfig Config) : IOptionValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate() =>
        GenerationConfigChecks.Problems(Config).Select(problem => new ValidationError("--" + problem));
}
