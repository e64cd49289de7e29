using SIaM.Reporting.Statistics;

namespace SIaM.SelfImprovement;

/// <summary>
/// The loop's gain over its control on one suite, paired per question: both arms answered the same questions greedily,
/// so the discordant questions decide it (exact McNemar, <see cref="McNemar.ExactPValue"/>, from the reporting library).
/// </summary>
/// <param name="N">Questions answered by both arms.</param>
/// <param name="Loop">Questions the loop's checkpoint got right.</param>
/// <param name="Control">Questions the control's checkpoint got right.</param>
/// <param name="LoopOnly">Right by the loop, wrong by the control.</param>
/// <param name="ControlOnly">Right by the control, wrong by the loop.</param>
/// <param name="PValue">Two-sided exact McNemar p-value of <paramref name="ControlOnly"/> vs <paramref name="LoopOnly"/>.</param>
public sealed record PairedGain(int N, int Loop, int Control, int LoopOnly, int ControlOnly, double PValue)
{
    /// <summary>Loop minus control, in accuracy points.</summary>
    public double Points => N == 0 ? 0 : 100.0 * (LoopOnly - ControlOnly) / N;

    /// <summary>Pairs the greedy answers of the two arms by question id; a question missing from either arm is refused.</summary>
    public static PairedGain Of(IReadOnlyList<EvalRecord> loop, IReadOnlyList<EvalRecord> control)
    {
        var controlById = control.ToDictionary(r => r.QuestionId, r => r.Correct);
        if (controlById.Count != loop.Count || loop.Any(r => !controlById.ContainsKey(r.QuestionId)))
            throw new InvalidOperationException("the loop and the control answered different questions; they cannot be paired");
        var loopOnly = loop.Count(r => r.Correct && !controlById[r.QuestionId]);
        var controlOnly = loop.Count(r => !r.Correct && controlById[r.QuestionId]);
        return new PairedGain(loop.Count, loop.Count(r => r.Correct), controlById.Values.Count(c => c), loopOnly, controlOnly,
            McNemar.ExactPValue(controlOnly, loopOnly));
    }
}
