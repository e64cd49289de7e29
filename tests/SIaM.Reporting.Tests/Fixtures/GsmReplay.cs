using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SIaM.Core.Backends;
using SIaM.Core.Runs;
using SIaM.Core.Sandbox;
using SIaM.Testing;

namespace SIaM.Reporting.Tests.Fixtures;

/// <summary>
/// Samples shaped like a ToRA replay of the real GSM8K test set: per problem a completion of the reference
/// rationale, a program of its calculator steps, the program's output and a boxed answer, with full SHA-256 content
/// hashes. Every fourth answer is made wrong. Stands in for recorded completions, which this repository cannot hold.
/// </summary>
internal static partial class GsmReplay
{
    public static List<SampleRecord> Samples(int problems = int.MaxValue)
    {
        var lines = File.ReadLines(Path.Combine(SharedFixtures.BenchmarksData, "gsm8k", "test.jsonl")).Take(problems).ToList();
        return lines.Select((line, i) =>
        {
            using var json = JsonDocument.Parse(line);
            var question = json.RootElement.GetProperty("question").GetString()!;
            var answer = json.RootElement.GetProperty("answer").GetString()!;
            var reference = answer[(answer.LastIndexOf("####", StringComparison.Ordinal) + 4)..].Trim();
            var steps = Calculation().Matches(answer).Select(m => m.Groups[1].Value).ToList();
            var rationale = Calculation().Replace(answer[..answer.LastIndexOf("####", StringComparison.Ordinal)], "").Trim();
            var result = i % 4 == 3 ? reference + "1" : reference;
            var code = "def solution():\n" + string.Concat(steps.Select((s, k) => $"    v{k} = {s}\n")) +
                       $"    return {(steps.Count > 0 ? $"v{steps.Count - 1}" : result)}\n\nprint(solution())";
            var completion = $"{rationale}\n```python\n{code}\n```\n```output\n{result}\n```\nThe answer is $\\boxed{{{result}}}$.";
            return new SampleRecord($"gsm8k-{i}", "gsm8k", i, 0, Sha($"prompt\n{question}"), CompletionStatus.Ok, completion, code,
                [new ExecutionRecord(ExecStatus.Ok, 0, result + "\n", "", false)], result, "boxed", reference, result == reference, "numeric",
                result, reference, null, Sha(question), Sha(reference));
        }).ToList();
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("<<([^=>]*)=[^>]*>>")]
    private static partial Regex Calculation();
}
