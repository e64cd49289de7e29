using SIaM.Core.Runs;

namespace SIaM.Core.Validation;

/// <summary>A shard option, <c>I/N</c> with 1 ≤ I ≤ N (see <see cref="Shard.Parse"/>); absent is valid.</summary>
public sealed record ShardValidator(string Option, string? Text) : IOptionValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate()
    {
        if (Text is null) return [];
        try
        {
            Shard.Parse(Text);
            return [];
        }
        catch (InputException e)
        {
            return [new ValidationError($"{Option} {e.Message}")];
        }
    }
}
