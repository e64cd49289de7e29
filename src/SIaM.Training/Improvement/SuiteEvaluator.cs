using SIaM.Core.Backends;
using SIaM.Core.Sandbox;
using SIaM.Core.SelfImprovement;

namespace SIaM.Training.Improvement;

/// <summary>Greedy decoding on every evaluation suite, programs run in the sandbox, graded by the rule filter.</summary>
public static class SuiteEvaluator
{
    /// <summary>Scores per suite name, and every answer behind them.</summary>
    public static async Task<(Dictionary<string, SuiteScore> Scores, List<EvalRecord> Records)> EvaluateAsync(IModelBackend policy, ICodeSandbox sandbox,
        IReadOnlyDictionary<string, IReadOnlyList<LoopQuestion>> suites, int maxNewTokens, CancellationToken cancellationToken)
    {
        var scores = new Dictionary<string, SuiteScore>();
        var records = new List<EvalRecord>();
        var config = new GenerationConfig(Temperature: 0, MaxNewTokens: maxNewTokens);
        var rule = new RuleFilter();
        foreach (var (name, questions) in suites)
        {
            var samples = await SampleRunner.SampleAsync(policy, questions, 1, config, cancellationToken).ConfigureAwait(false);
            var verdicts = await SampleRunner.JudgeAsync(samples, questions.ToDictionary(q => q.Id), sandbox, [rule], 8, cancellationToken).ConfigureAwait(false);
            records.AddRange(samples.Zip(verdicts, (s, v) => new EvalRecord(name, s.QuestionId, s.Completion, s.CompletionTokens, v.Output, v.Accepted[rule.Name])));
            var correct = verdicts.Count(v => v.Accepted[rule.Name]);
            var p = (double)correct / questions.Count;
            scores[name] = new SuiteScore(questions.Count, correct, p, Math.Sqrt(p * (1 - p) / questions.Count),
                samples.Average(s => (double)s.CompletionTokens));
        }
        return (scores, records);
    }
}
