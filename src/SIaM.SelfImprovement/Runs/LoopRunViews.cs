using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Core.SelfImprovement;

namespace SIaM.SelfImprovement.Runs;

/// <summary>
/// The loop's views of its standard runs: problem <c>NAME/i</c> of a run is question i of the set it was written from
/// (<see cref="LoopQuestionFiles"/>). The <c>rule</c> filter's verdict is the harness grader's (<see cref="SampleRecord.Correct"/>);
/// every other filter judges the recorded program and execution, never a second run of it.
/// </summary>
public static class LoopRunViews
{
    /// <summary>The samples in question order, then sample order.</summary>
    public static IReadOnlyList<SampleRecord> Ordered(RunLog run, IReadOnlyList<LoopQuestion> questions)
    {
        var records = run.Samples.OrderBy(s => s.Index).ThenBy(s => s.Sample).ToList();
        if (records.Any(r => r.Index >= questions.Count))
            throw new SIaM.Core.InputException($"{run.Path}: the run holds more problems than the loop's {questions.Count} questions; it is another set's run");
        return records;
    }

    /// <summary>The loop's sample records (completion and its length in tokens).</summary>
    public static List<LoopSample> Samples(RunLog run, IReadOnlyList<LoopQuestion> questions, Func<string, int> tokens) =>
        Ordered(run, questions).Select(r => new LoopSample(questions[r.Index].Id, r.Sample, r.Completion, tokens(r.Completion),
            r.CompletionStatus.ToString().ToLowerInvariant())).ToList();

    /// <summary>Every filter's verdict on every sample of the run.</summary>
    public static async Task<List<LoopVerdict>> VerdictsAsync(RunLog run, IReadOnlyList<LoopQuestion> questions, IReadOnlyList<IProgramFilter> filters,
        CancellationToken cancellationToken)
    {
        var records = Ordered(run, questions);
        var cases = records.Select(r => r.Code is { } code && Execution(r) is { } e
            ? new ProgramCase(questions[r.Index].Question, questions[r.Index].Answer, code, e)
            : null).ToList();
        var judged = cases.OfType<ProgramCase>().ToList();
        await Task.WhenAll(filters.OfType<IBatchProgramFilter>().Select(f => f.PrepareAsync(judged, cancellationToken))).ConfigureAwait(false);
        var verdicts = new List<LoopVerdict>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var (r, c) = (records[i], cases[i]);
            var accepted = new Dictionary<string, bool>();
            foreach (var f in filters)
                accepted[f.Name] = f.Name == "rule" ? r.Correct == true && c is not null
                    : c is not null && await f.AcceptsAsync(c.Question, c.Reference, c.Program, c.Execution, cancellationToken).ConfigureAwait(false);
            verdicts.Add(new LoopVerdict(questions[r.Index].Id, r.Sample, r.Code, c?.Execution.Status, c?.Execution.Stdout.Trim() ?? "", accepted));
        }
        return verdicts;
    }

    /// <summary>The greedy answers of one suite's run, and its score.</summary>
    public static (SuiteScore Score, List<EvalRecord> Records) Evaluation(
        string suite,
        RunLog run,
        IReadOnlyList<LoopQuestion> questions,
        Func<string, int> tokens)
    {
        var records = Ordered(run, questions).Select(r => new EvalRecord(suite, questions[r.Index].Id, r.Completion, tokens(r.Completion),
            Execution(r)?.Stdout.Trim() ?? "", r.Correct == true)).ToList();
        var correct = records.Count(r => r.Correct);
        var p = (double)correct / records.Count;
        return (new SuiteScore(records.Count, correct, p, Math.Sqrt(p * (1 - p) / records.Count), records.Average(r => (double)r.CompletionTokens)), records);
    }

    private static ExecResult? Execution(SampleRecord r) =>
        r.Executions.Count > 0 ? r.Executions[^1] is var e ? new ExecResult(e.Status, e.ExitCode, e.Stdout, e.Stderr, 0, e.Truncated) : null : null;
}
