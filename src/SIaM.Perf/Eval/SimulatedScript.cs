using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SIaM.Perf.Eval;

/// <summary>
/// What the simulated model says at one round of one sample: a program to run (for the first rounds), else the boxed
/// answer. Programs carry their simulated run time (<c># sim: N ms</c>), or run until the time limit
/// (<c># sim: timeout</c>), as <see cref="SimulatedSandbox"/> reads them. Pure: a hash of (problem, sample, round).
/// </summary>
/// <param name="Text">The completion text.</param>
/// <param name="Tokens">Its length in simulated tokens.</param>
public sealed record SimulatedScript(string Text, int Tokens)
{
    /// <summary>The problems' answers: problem <c>sim/i</c> has answer <c>i + 1</c>.</summary>
    public static string Answer(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The completion for round <paramref name="round"/> (0 = the first request) of a sample.</summary>
    public static SimulatedScript For(string problemId, int sample, int round, SimulatedServerOptions options)
    {
        var index = int.Parse(problemId[(problemId.IndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        var draw = Draw($"{problemId}|{sample}|{round}");
        var tokens = options.MinTokens + (int)(draw % (ulong)(options.MaxTokens - options.MinTokens + 1));
        var calls = 1 + (int)(Draw($"{problemId}|{sample}") % (ulong)options.MaxToolCalls);
        if (round >= calls) return new SimulatedScript($"So the answer is $\\boxed{{{Answer(index)}}}$.", tokens);
        var program = (draw >> 20) % 10_000 < (ulong)(options.TimeoutShare * 10_000)
            ? "# sim: timeout\nwhile True:\n    pass\n"
            : $"# sim: {20 + (int)((draw >> 40) % 60)} ms\nprint({Answer(index)})\n";
        return new SimulatedScript($"Let me compute.\n```python\n{program}```\n", tokens);
    }

    private static ulong Draw(string key) => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0);
}
