namespace SIaM.Core.Benchmarks;

/// <summary>A worked solution a data record carries, in one of the forms the oracle backend can turn into Python.</summary>
/// <param name="Kind">Which form <paramref name="Text"/> is in.</param>
/// <param name="Text">The raw solution text as stored in the record.</param>
public sealed record ReferenceSolution(ReferenceSolutionKind Kind, string Text);

/// <summary>Forms of reference solutions found in the benchmark files.</summary>
public enum ReferenceSolutionKind
{
    /// <summary>GSM8K-style rationale with calculator annotations <c>&lt;&lt;48/2=24&gt;&gt;</c>.</summary>
    CalculatorAnnotations,
    /// <summary>An arithmetic equation or formula (SVAMP Equation, ASDiv formula, Ape210K / Math23K equation).</summary>
    Equation,
    /// <summary>A Python program (GSM-Hard code).</summary>
    PythonCode,
}
