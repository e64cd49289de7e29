namespace SIaM.Core.Prompts;

/// <summary>How the model is asked to solve a problem.</summary>
public enum PromptStyle
{
    /// <summary>Program of thought (SIaM style): one Python program that prints the final answer.</summary>
    Pot,
    /// <summary>Tool-integrated reasoning (ToRA style): reasoning, ```python blocks and their ```output, a \boxed{} answer.</summary>
    Tir,
    /// <summary>Chain of thought: reasoning in text, a \boxed{} answer, no code.</summary>
    Cot,
    /// <summary>
    /// The question alone (no system message, no instruction), answered like <see cref="Pot"/> by one program: for a
    /// policy trained on bare questions, such as the self-improvement loop's.
    /// </summary>
    Bare,
}
