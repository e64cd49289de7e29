namespace SIaM.Perf.Eval;

/// <summary>One measured run of <c>siam eval</c> against the simulated server.</summary>
/// <param name="Capacity">The server's concurrent sequences.</param>
/// <param name="Samples">Samples evaluated.</param>
/// <param name="Requests">Model requests answered.</param>
/// <param name="WallSeconds">Wall time of the evaluation.</param>
/// <param name="Utilisation">Sequence-seconds served ÷ (capacity × wall).</param>
/// <param name="ProgramTimeouts">Programs that hit the time limit.</param>
/// <param name="Generate">Share of the samples' summed time spent waiting for and generating model output.</param>
/// <param name="Execute">Share spent running programs.</param>
/// <param name="Grade">Share spent extracting and grading.</param>
/// <param name="Write">Share spent writing records.</param>
/// <param name="Correct">Samples graded correct (every simulated answer is right: a check that nothing was lost).</param>
public sealed record EvalBenchRow(
    int Capacity, int Samples, int Requests, double WallSeconds, double Utilisation, int ProgramTimeouts,
    double Generate, double Execute, double Grade, double Write, int Correct);
