using System.Diagnostics;
using SIaM.Backends.OpenAi;
using SIaM.Core.Backends;
using SIaM.Core.Benchmarks;
using SIaM.Core.Prompts;
using SIaM.Evaluation;
using SIaM.Evaluation.Scheduling;
using SIaM.Grading;

namespace SIaM.Perf.Eval;

/// <summary>
/// <c>siam bench eval</c>: a tool-integrated evaluation, with the options a user gets by default, against a
/// <see cref="SimulatedServer"/> of a given capacity; measures how full the server was kept and where the samples' time went.
/// </summary>
public static class EvalBench
{
    /// <summary>Runs one evaluation of <paramref name="samples"/> problems (one sample each) and measures it.</summary>
    /// <param name="server">The capacity model.</param>
    /// <param name="samples">Problems to evaluate.</param>
    /// <param name="timeLimit">The simulated sandbox's time limit (what a time-out costs).</param>
    /// <param name="performance">The evaluation's speed options (default: what <c>siam eval</c> uses with no options).</param>
    /// <param name="workDirectory">Where the run directory goes (deleted after).</param>
    public static async Task<EvalBenchRow> RunAsync(SimulatedServerOptions server, int samples, TimeSpan timeLimit,
        EvalPerformance performance, string workDirectory, CancellationToken cancellationToken)
    {
        await using var simulated = await SimulatedServer.StartAsync(server, cancellationToken).ConfigureAwait(false);
        await using var backend = OpenAiBackendFactory.Create(simulated.ModelSpec["openai:".Length..], null);
        await using var sandbox = new SimulatedSandbox(timeLimit);
        var benchmark = Problems(samples);
        var spec = new RunSpec(simulated.ModelSpec, ["sim"], PromptStyle.Tir, 0, 1, null, GenerationConfig.Greedy,
            server.MaxToolCalls + 1, "simulated", 1e-4);
        var inputs = new EvalInputs([benchmark], new Dictionary<string, IReadOnlyList<string>>(), backend, sandbox,
            new MathAnswerExtractor(), new MathEquivalenceChecker());
        var times = new PhaseTimes();
        var directory = Path.Combine(workDirectory, $"sim-{server.Capacity}-{Guid.NewGuid():N}");
        try
        {
            var clock = Stopwatch.StartNew();
            var results = await EvalRunner.RunAsync(spec, inputs, directory, performance with { Times = times }, new Silent(), cancellationToken)
                .ConfigureAwait(false);
            var wall = clock.Elapsed.TotalSeconds;
            var timeouts = results.Benchmarks["sim"].ExecutionStatus.GetValueOrDefault("timeout");
            var total = times.GenerateSeconds + times.ExecuteSeconds + times.GradeSeconds + times.WriteSeconds;
            return new EvalBenchRow(server.Capacity, samples, simulated.Model.Requests, wall,
                simulated.Model.BusySeconds / (server.Capacity * wall), timeouts,
                times.GenerateSeconds / total, times.ExecuteSeconds / total, times.GradeSeconds / total, times.WriteSeconds / total,
                results.Benchmarks["sim"].Correct);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Problems <c>sim/0 … sim/N-1</c>; problem i's answer is i + 1.</summary>
    public static LoadedBenchmark Problems(int count) => new(
        new BenchmarkInfo("sim", 1, Language.En, AnswerKind.Number),
        Enumerable.Range(0, count).Select(i => new Problem("sim", i, $"Simulated problem {i}.", SimulatedScript.Answer(i), AnswerKind.Number)).ToList(),
        "0000", true);

    private sealed class Silent : IRunProgress
    {
        public void Start(int total, int alreadyDone) { }
        public void Advance(int count, int correct) { }
        public void Stop() { }
    }
}
