using SIaM.Core.Backends;
using SIaM.Core.Completions;
using SIaM.Core.Sandbox;
using SIaM.Core.SelfImprovement;

namespace SIaM.Training.Improvement;

/// <summary>Samples completions from a policy, runs their programs in the sandbox and asks every filter for a verdict.</summary>
public static class SampleRunner
{
    /// <summary>k completions per question (sample indices 0..k-1), in question order.</summary>
    public static async Task<List<LoopSample>> SampleAsync(IModelBackend policy, IReadOnlyList<LoopQuestion> questions, int k,
        GenerationConfig config, CancellationToken cancellationToken)
    {
        var requests = questions.SelectMany(q => Enumerable.Range(0, k).Select(i => PolicyFormat.Request(q, i, config))).ToList();
        var completions = await policy.GenerateAsync(requests, cancellationToken).ConfigureAwait(false);
        return requests.Select((r, i) => new LoopSample(r.ProblemId, r.SampleIndex, completions[i].Text,
            completions[i].CompletionTokens ?? 0, completions[i].FinishReason)).ToList();
    }

    /// <summary>
    /// Runs each distinct program once (at most <paramref name="parallel"/> at once; the programs are deterministic, and
    /// a peaked policy repeats itself) and records every filter's verdict for every sample.
    /// </summary>
    public static async Task<List<LoopVerdict>> JudgeAsync(IReadOnlyList<LoopSample> samples, IReadOnlyDictionary<string, LoopQuestion> questions,
        ICodeSandbox sandbox, IReadOnlyList<IProgramFilter> filters, int parallel, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(parallel);
        var programs = samples.Select(s => CodeBlocks.ProgramOf(s.Completion)).ToList();
        var runs = programs.OfType<string>().Distinct(StringComparer.Ordinal).ToDictionary(p => p, async p =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await sandbox.RunPythonAsync(p, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }, StringComparer.Ordinal);
        await Task.WhenAll(runs.Values).ConfigureAwait(false);
        // A harness failure is never a wrong answer: stop before the stage file is written, so a rerun resumes here.
        var failed = runs.Values.Select(t => t.Result).Where(r => r.Status == ExecStatus.SandboxFailure).ToList();
        if (failed.Count > 0)
            throw new InvalidOperationException($"the sandbox failed on {failed.Count} of {runs.Count} programs ({failed[0].Stderr.Trim()}); rerun the same command to resume");
        await Task.WhenAll(filters.OfType<IBatchProgramFilter>().Select(f => f.PrepareAsync(samples.Select((s, i) => programs[i] is { } p
            ? new ProgramCase(questions[s.QuestionId].Question, questions[s.QuestionId].Answer, p, runs[p].Result) : null).OfType<ProgramCase>().ToList(), cancellationToken))).ConfigureAwait(false);
        var verdicts = new List<LoopVerdict>(samples.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            if (programs[i] is not { } program)
            {
                verdicts.Add(new LoopVerdict(s.QuestionId, s.SampleIndex, null, null, "", filters.ToDictionary(f => f.Name, _ => false)));
                continue;
            }
            var execution = await runs[program].ConfigureAwait(false);
            var q = questions[s.QuestionId];
            var accepted = new Dictionary<string, bool>();
            foreach (var f in filters)
                accepted[f.Name] = await f.AcceptsAsync(q.Question, q.Answer, program, execution, cancellationToken).ConfigureAwait(false);
            verdicts.Add(new LoopVerdict(s.QuestionId, s.SampleIndex, program, execution.Status, execution.Stdout.Trim(), accepted));
        }
        return verdicts;
    }

    /// <summary>Joins samples and verdicts into the candidates the selectors take, judged by <paramref name="filter"/>.</summary>
    public static IReadOnlyList<CandidateProgram> Candidates(IReadOnlyList<LoopSample> samples, IReadOnlyList<LoopVerdict> verdicts, string filter) =>
        samples.Zip(verdicts, (s, v) => new CandidateProgram(s.QuestionId, s.SampleIndex, s.Completion, v.Program, v.Status, v.Output,
            v.Accepted.GetValueOrDefault(filter), s.CompletionTokens)).ToList();
}
