using System.CommandLine;
using System.Globalization;
using SIaM.Core.Sandbox;
using SIaM.Sandbox.Docker;
using SIaM.Sandbox.Docker.Bench;

namespace SIaM.Cli.Commands;

/// <summary><c>siam bench sandbox</c>: the same GSM8K-style programs through the warm pool, docker run per program and bare python3.</summary>
internal static class BenchSandboxCommand
{
    private static readonly Option<int> Count = new("--count") { Description = "Programs through the warm pool", DefaultValueFactory = _ => 500 };
    private static readonly Option<int> SlowCount = new("--slow-count") { Description = "Programs (the first N of the same list) through docker run and bare python3", DefaultValueFactory = _ => 60 };
    private static readonly Option<int> Workers = new("--workers") { Description = "Workers, and dispatchers for every executor", DefaultValueFactory = _ => Environment.ProcessorCount };
    private static readonly Option<string> Python = new("--python") { Description = "Interpreter for the bare per-program baseline (needs sympy)", DefaultValueFactory = _ => "python3" };

    public static Command Create()
    {
        var command = new Command("sandbox", "Warm pool vs docker run per program vs bare python3 per program");
        foreach (var option in new Option[] { Count, SlowCount, Workers, Python }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var workers = OptionChecks.Positive(parseResult.GetValue(Workers), "--workers");
            var programs = GsmStylePrograms.Create(OptionChecks.Positive(parseResult.GetValue(Count), "--count"));
            var slow = programs.Take(Math.Min(OptionChecks.Positive(parseResult.GetValue(SlowCount), "--slow-count", allowZero: true), programs.Count)).ToList();
            var policy = SandboxPolicy.Default;
            var pool = await DockerSandboxPool.StartAsync(policy, DockerPoolOptions.Default with { Workers = workers }, cancellationToken);
            Console.Error.WriteLine($"bench sandbox: {programs.Count} programs, {workers} workers, {pool.Description}");
            var image = SandboxImage.Tag;
            SandboxBenchmark.Measured warm;
            await using (var runner = new PoolRunner(pool))
            {
                await SandboxBenchmark.RunAsync(runner, programs.Take(workers * 4).ToList(), workers, null, cancellationToken); // warm-up
                warm = await SandboxBenchmark.RunAsync(runner, programs, workers, null, cancellationToken);
            }
            var reference = warm.Results.Take(slow.Count).ToList();
            SandboxBenchmark.Measured perContainer, local;
            await using (var runner = new ContainerPerProgramRunner(DockerEngine.CreateClient(), image, policy))
                perContainer = await SandboxBenchmark.RunAsync(runner, slow, workers, reference, cancellationToken);
            await using (var runner = new LocalProcessRunner(parseResult.GetValue(Python)!))
                local = await SandboxBenchmark.RunAsync(runner, slow, workers, reference, cancellationToken);
            Print([warm.Row, perContainer.Row, local.Row], perContainer.Row.ProgramsPerSecond);
            return new[] { warm.Row, perContainer.Row, local.Row }.Any(r => r.Mismatches > 0) ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    private static void Print(IReadOnlyList<BenchRow> rows, double dockerRunRate)
    {
        Console.WriteLine("| executor | programs | programs/s | p50 added ms | p99 added ms | × docker run | wrong |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.Programs} | {row.ProgramsPerSecond:0.0} | {row.P50AddedMs:0.0} | {row.P99AddedMs:0.0} | {row.ProgramsPerSecond / dockerRunRate:0.0}× | {row.Mismatches} |"));
    }
}
