using System.CommandLine;
using SIaM.Evaluation;
using SIaM.Perf.Eval;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam bench eval [--capacities 16,256,1024] [--per-capacity 8]</c>: a tool-integrated evaluation with default options
/// against a simulated OpenAI-compatible server of each capacity, beside a hand-tuned control (<c>--max-in-flight</c> =
/// capacity) in the same run.
/// </summary>
internal static class BenchEvalCommand
{
    private static readonly Option<string> Capacities = new("--capacities")
    {
        Description = "Server capacities (concurrent sequences), comma-separated",
        DefaultValueFactory = _ => "16,256,1024",
    };
    private static readonly Option<int> PerCapacity = new("--per-capacity") { Description = "Problems per unit of capacity", DefaultValueFactory = _ => 8 };
    private static readonly Option<double> RequestRate = new("--request-rate")
    {
        Description = "Requests per second the machine's HTTP stack is asked for at most: the mean latency is max(1 s, capacity ÷ rate)",
        DefaultValueFactory = _ => 250,
    };

    public static Command Create()
    {
        var command = new Command("eval", "Utilisation of a simulated OpenAI-compatible server by a TIR eval with default options (5% of programs time out)");
        foreach (var option in new Option[] { Capacities, PerCapacity, RequestRate }) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            var capacities = result.GetValue(Capacities)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(c => int.TryParse(c, out var n) && n >= 1 ? n : throw new UsageException($"--capacities: '{c}' is not a positive integer")).ToList();
            var perCapacity = result.GetValue(PerCapacity) is var p and >= 1 ? p : throw new UsageException("--per-capacity must be >= 1");
            var rate = result.GetValue(RequestRate) is var r and > 0 ? r : throw new UsageException("--request-rate must be > 0");
            var work = Path.Combine(Path.GetTempPath(), "siam-bench-eval");
            var rows = new List<(EvalBenchRow, EvalBenchRow)>();
            foreach (var capacity in capacities)
            {
                var latency = Math.Max(1.0, capacity / rate);
                var server = new SimulatedServerOptions(capacity, Queue: capacity, PrefillSeconds: 0.05 * latency, TokensPerSecond: 192 / (0.95 * latency));
                var timeLimit = TimeSpan.FromSeconds(4 * latency);
                var samples = perCapacity * capacity;
                Console.Error.WriteLine(
                    $"capacity {capacity}: {samples} problems, mean latency {server.MeanLatencySeconds:0.00} s, time limit {timeLimit.TotalSeconds:0.#} s");
                var adaptive = await EvalBench.RunAsync(server, samples, timeLimit, new EvalPerformance(), work, cancellationToken);
                var tuned = await EvalBench.RunAsync(server, samples, timeLimit, new EvalPerformance { MaxInFlight = capacity }, work, cancellationToken);
                rows.Add((adaptive, tuned));
            }
            Console.Write(EvalBenchTable.Markdown(rows));
            return ExitCodes.Success;
        });
        return command;
    }
}
