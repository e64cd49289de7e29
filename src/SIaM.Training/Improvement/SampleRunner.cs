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

    /// <summary>Runs each sample's program (at most <paramref name="parallel"/> at once) and records every filter's verdict.</summary>
    public static async Task<List<LoopVerdict>> JudgeAsync(IReadOnlyList<LoopSample> samples, IReadOnlyDictionary<string, LoopQuestion> questions,
        ICodeSandbox sandbox, IReadOnlyList<IProgramFilter> filters, int parallel, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(parallel);
        var tasks = samples.Select(async s =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var program = CodeBlocks.ProgramOf(s.Completion);
                if (program is null) return new LoopVerdict(s.QuestionId, s.SampleIndex, null, null, "", filters.ToDictionary(f => f.Name, _ => false));
                var execution = await sandbox.RunPythonAsync(program, cancellationToken).ConfigureAwait(false);
                var q = questions[s.QuestionId];
                var verdicts = new Dictionary<string, bool>();
                foreach (var f in filters)
                    verdicts[f.Name] = await f.AcceptsAsync(q.Question, q.Answer, program, execution, cancellationToken).ConfigureAwait(false);
                return new LoopVerdict(s.QuestionId, s.SampleIndex, program, execution.Status, execution.Stdout.Trim(), verdicts);
            }
            finally
            {
                gate.Release();
            }
        });
        return (await Task.WhenAll(tasks).ConfigureAwait(false)).ToList();
    }

    /// <summary>Joins samples and verdicts into the candidates the selectors take, judged by <paramref name="filter"/>.</summary>
    public static IReadOnlyList<CandidateProgram> Candidates(IReadOnlyList<LoopSample> samples, IReadOnlyList<LoopVerdict> verdicts, string filter) =>
        samples.Zip(verdicts, (s, v) => new CandidateProgram(s.QuestionId, s.SampleIndex, s.Completion, v.Program, v.Status, v.Output,
            v.Accepted.GetValueOrDefault(filter), s.CompletionTokens)).ToList();
}
