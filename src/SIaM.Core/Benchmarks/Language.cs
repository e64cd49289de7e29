namespace SIaM.Core.Benchmarks;

/// <summary>The natural language of a benchmark's questions; it selects the prompt language.</summary>
public enum Language
{
    /// <summary>English.</summary>
    En,
    /// <summary>Chinese (simplified).</summary>
    Zh,
}
