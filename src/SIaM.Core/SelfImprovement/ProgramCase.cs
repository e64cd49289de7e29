using SIaM.Core.Sandbox;

namespace SIaM.Core.SelfImprovement;

/// <summary>One executed program a filter is asked about.</summary>
/// <param name="Question">The question the program answers.</param>
/// <param name="Reference">The question's reference answer.</param>
/// <param name="Program">The program.</param>
/// <param name="Execution">What running it produced.</param>
public sealed record ProgramCase(string Question, string Reference, string Program, ExecResult Execution);
