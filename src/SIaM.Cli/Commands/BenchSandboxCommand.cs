using System.CommandLine;
using System.Globalization;
using SIaM.Core.Sandbox;
using SIaM.Core.Validation;
using SIaM.Perf.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam bench sandbox</c>: the same GSM8K-style programs through the warm pool and a bare fork server in the same
/// image (alternating, several rounds), then docker run per program and bare python3 per program.
/// </summary>
internal static class BenchSandboxCommand
{
    private static readonly Option<int> Count = new("--count")
    {
        Description = "Programs per round through the warm pool and the bare fork server",
        DefaultValueFactory = _ => 500,
    };
    private static readonly Option<int> Rounds = new("--rounds")
    {
        Description = "Alternating rounds of pool and bare fork server (noise spreads over both)",
        DefaultValueFactory = _ => 3,
    };
    private static readonly Option<int> SlowCount = new("--slow-count")
    {
        Description = "Programs (the first N of the same list) through docker run and bare python3; 0 skips them",
        DefaultValueFactory = _ => 60,
    };
    private static readonly Option<int> Workers = new("--workers")
    {
        Description = "Workers, and dispatchers for every executor (default: the pool's start-up probe)",
    };
    private static readonly Option<int> Depth = new("--pipeline-depth")
    {
        Description = "Programs kept in each worker (one runs, the rest wait inside it)",
        DefaultValueFactory = _ => DockerPoolOptions.Default.PipelineDepth,
    };
    private static readonly Option<string> Python = new("--python")
    {
        Description = "Interpreter for the bare per-program baseline (needs sympy)",
        DefaultValueFactory = _ => "python3",
    };
    private static readonly Option<bool> CompareAttach = new("--compare-attach")
    {
        Description = "Also run a second pool, same workers, over the engine's attach stream instead of the direct channel (alternating in the same rounds)",
    };
    private static readonly Option<string[]> DockerHost = EngineOptions.CreateDockerHost();

    public static Command Create()
    {
        var command = new Command("sandbox", "Warm pool vs a bare fork server in the same image vs docker run per program vs bare python3");
        foreach (var option in new Option[] { Count, Rounds, SlowCount, Workers, Depth, Python, CompareAttach, DockerHost }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // Every option is checked before an engine is touched.
            Preflight.ThrowIfInvalid(
            [
                IntRangeValidator.Positive("--count", parseResult.GetValue(Count)),
                IntRangeValidator.Positive("--rounds", parseResult.GetValue(Rounds)),
                IntRangeValidator.NonNegative("--slow-count", parseResult.GetValue(SlowCount)),
                IntRangeValidator.Positive("--workers", parseResult.GetResult(Workers) is null ? null : parseResult.GetValue(Workers)),
                IntRangeValidator.Positive("--pipeline-depth", parseResult.GetValue(Depth)),
                new RequirementValidator(parseResult.GetValue(SlowCount) > 0 && ExecutableSearch.Find(parseResult.GetValue(Python)!) is null,
                    $"--python {parseResult.GetValue(Python)}: no such executable (the bare per-program baseline runs it; --slow-count 0 skips it)"),
                EngineOptions.Validator(parseResult, DockerHost),
            ]);
            var programs = GsmStylePrograms.Create(parseResult.GetValue(Count));
            var policy = SandboxPolicy.Default;
            int? workerCount = parseResult.GetResult(Workers) is null ? null : parseResult.GetValue(Workers);
            var depth = parseResult.GetValue(Depth);
            var options = EngineOptions.PoolOptions(parseResult, DockerHost, workerCount) with { PipelineDepth = depth };
            await using var pool = await DockerSandboxPool.StartAsync(policy, options, cancellationToken);
            var workers = pool.WorkerCount;
            Console.Error.WriteLine($"bench sandbox: {programs.Count} programs × {parseResult.GetValue(Rounds)} rounds, {workers} workers, {pool.Description}");
            await using var attachPool = parseResult.GetValue(CompareAttach)
                ? await DockerSandboxPool.StartAsync(policy, options with { Workers = workers, ProbeWorkers = false, DirectChannel = false }, cancellationToken)
                : null;
            var attachRunner = attachPool is null ? null : new PoolRunner(attachPool);
            var runner = new PoolRunner(pool);
            // Warm-up; the main pool last, so that its workers' first measured request does not count the other's as idle.
            var warmUp = programs.Take(workers * 8).ToList();
            foreach (var warming in new[] { attachRunner, runner }.OfType<PoolRunner>())
                await SandboxBenchmark.RunAsync(warming, warmUp, workers, null, cancellationToken);
            var attachPasses = new List<SandboxBenchmark.Measured>();
            if (pool.Probe is not null) Console.WriteLine($"workers: {pool.Probe.Summary} (--workers N to override)");
            var bareWorkers = new[] { 1, workers, Environment.ProcessorCount }.Distinct().Order().ToArray();
            var poolPasses = new List<SandboxBenchmark.Measured>();
            var barePasses = bareWorkers.ToDictionary(w => w, _ => new List<SandboxBenchmark.Measured>());
            IReadOnlyList<ExecResult>? reference = null;
            using var client = DockerEngine.CreateClient(pool.Engines[0].Endpoint);
            var (idleBefore, busyBefore) = WorkerTime(pool);
            var (idleAfter, busyAfter) = (idleBefore, busyBefore);
            for (var round = 0; round < parseResult.GetValue(Rounds); round++)
            {
                var measured = await SandboxBenchmark.RunAsync(runner, programs, workers * options.PipelineDepth, reference, cancellationToken);
                reference ??= measured.Results;
                poolPasses.Add(measured);
                // A worker's first request after the bare rows would report their run time as its idle time: the idle
                // share is taken over the first round only.
                if (round == 0) (idleAfter, busyAfter) = WorkerTime(pool);
                if (attachRunner is not null)
                    attachPasses.Add(await SandboxBenchmark.RunAsync(attachRunner, programs, workers * options.PipelineDepth, reference, cancellationToken));
                foreach (var w in bareWorkers)
                    barePasses[w].Add(await MeasureBareAsync(client, pool.ImageName, programs, w, reference, cancellationToken));
            }
            var unqueuedPrograms = programs.Take(Math.Min(programs.Count, 200)).ToList();
            var poolRow = await PoolRowAsync(runner, poolPasses, unqueuedPrograms, workers, $"warm pool, {workers} workers (all limits on)", cancellationToken);
            var bareRows = bareWorkers.Select(w => SandboxBenchmark.Combine(barePasses[w])).ToList();
            var rows = new List<BenchRow> { poolRow };
            if (attachRunner is not null)
            {
                var name = $"warm pool over the attach stream, {workers} workers";
                rows.Add(await PoolRowAsync(attachRunner, attachPasses, unqueuedPrograms, workers, name, cancellationToken));
            }
            rows.AddRange(bareRows);
            var slow = programs.Take(Math.Min(parseResult.GetValue(SlowCount), programs.Count)).ToList();
            if (slow.Count > 0)
            {
                var slowReference = reference!.Take(slow.Count).ToList();
                await using (var perContainer = new ContainerPerProgramRunner(DockerEngine.CreateClient(pool.Engines[0].Endpoint), pool.ImageName, policy))
                    rows.Add((await SandboxBenchmark.RunAsync(perContainer, slow, workers, slowReference, cancellationToken)).Row);
                await using (var local = new LocalProcessRunner(parseResult.GetValue(Python)!))
                    rows.Add((await SandboxBenchmark.RunAsync(local, slow, workers, slowReference, cancellationToken)).Row);
            }
            var bestBare = bareRows.MaxBy(r => r.ProgramsPerSecond)!;
            Print(rows, bestBare.ProgramsPerSecond);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pool ({pool.Transport}) / best bare fork server = {poolRow.ProgramsPerSecond / bestBare.ProgramsPerSecond:0.00} (target ≥ 0.85); pool p99 " +
                $"added latency {poolRow.P99AddedMs:0.0} ms (target ≤ 10; {unqueuedPrograms.Count} programs, one in flight per worker); pool workers idle " +
                $"{100 * EngineStats.IdleFraction(idleAfter - idleBefore, busyAfter - busyBefore):0.0} % of the first throughput round"));
            EngineReport.Print(pool, Console.Out);
            return rows.Any(r => r.Mismatches > 0) ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// A pool's row: throughput over its rounds; added latency from a separate pass with one program in flight per worker
    /// (the rounds keep a program queued in every worker, so their "added" latency includes that wait).
    /// </summary>
    private static async Task<BenchRow> PoolRowAsync(PoolRunner runner, IReadOnlyList<SandboxBenchmark.Measured> passes, IReadOnlyList<string> unqueuedPrograms,
        int workers, string name, CancellationToken cancellationToken)
    {
        var unqueued = await SandboxBenchmark.RunAsync(runner, unqueuedPrograms, workers, null, cancellationToken);
        return SandboxBenchmark.Combine(passes) with { Name = name, P50AddedMs = unqueued.Row.P50AddedMs, P99AddedMs = unqueued.Row.P99AddedMs };
    }

    private static (double Idle, double Busy) WorkerTime(DockerSandboxPool pool) =>
        (pool.Engines.Sum(e => e.WorkerIdleSeconds), pool.Engines.Sum(e => e.WorkerBusySeconds));

    /// <summary>On a shared engine another session's clean-up may remove the bare server's container: try up to 3 times.</summary>
    private static async Task<SandboxBenchmark.Measured> MeasureBareAsync(
        Docker.DotNet.DockerClient client, string image, IReadOnlyList<string> programs, int workers, IReadOnlyList<ExecResult> reference,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await BareForkServer.MeasureAsync(client, image, programs, workers, reference, cancellationToken);
            }
            catch (Exception e) when (attempt < 3 && e is Docker.DotNet.DockerApiException or InvalidOperationException)
            {
                Console.Error.WriteLine($"bench sandbox: bare fork server run {attempt} failed ({e.Message.Trim()}); again");
            }
        }
    }

    private static void Print(IReadOnlyList<BenchRow> rows, double bareRate)
    {
        Console.WriteLine("| executor | programs | programs/s | × best bare fork server | p50 added ms | p99 added ms | wrong |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.Programs} | {row.ProgramsPerSecond:0.0} | {row.ProgramsPerSecond / bareRate:0.00}× | {row.P50AddedMs:0.0} | " +
                $"{row.P99AddedMs:0.0} | {row.Mismatches} |"));
    }
}
