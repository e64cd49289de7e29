using System.CommandLine;
using System.Globalization;
using SIaM.Core.Sandbox;
using SIaM.Core.Validation;
using SIaM.Perf.Sandbox;
using SIaM.Sandbox.Docker;

namespace SIaM.Cli.Commands;

/// <summary><c>siam sandbox doctor|build-image|soak</c>: set up and check the Docker sandbox.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var command = new Command("sandbox", "Set up and check the Docker sandbox (doctor, build-image, soak)");
        command.Subcommands.Add(Doctor());
        command.Subcommands.Add(BuildImage());
        command.Subcommands.Add(Soak());
        return command;
    }

    private static Command Doctor()
    {
        var dockerHost = EngineOptions.CreateDockerHost();
        var command = new Command(
            "doctor",
            "For every configured engine: reachable, API version, image present, and a self-test proving each limit is " +
            "enforced");
        command.Options.Add(dockerHost);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var engines = EngineOptions.Resolve(parseResult, dockerHost);
            var failedEngines = 0;
            foreach (var engine in engines)
            {
                if (engines.Count > 1) Console.WriteLine($"== {engine.Name} (weight {engine.Weight})");
                try
                {
                    if (!await CheckEngineAsync(engine, cancellationToken)) failedEngines++;
                }
                catch (SIaM.Core.InputException e)
                {
                    Console.WriteLine($"FAIL        {e.Message}");
                    failedEngines++;
                }
            }
            if (engines.Count > 1)
                Console.WriteLine(failedEngines == 0 ? $"OK: all {engines.Count} engines pass" : $"FAILED: {failedEngines} of {engines.Count} engines");
            return failedEngines == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static async Task<bool> CheckEngineAsync(EngineEndpoint engine, CancellationToken cancellationToken)
    {
        using var client = await DockerEngine.ConnectAsync(engine, cancellationToken);
        var version = await client.System.GetVersionAsync(cancellationToken);
        Console.WriteLine($"engine      {engine.Name}: Docker {version.Version}, API {version.APIVersion}");
        var imageId = await SandboxImage.RequireAsync(client, SandboxImage.Tag, cancellationToken);
        Console.WriteLine($"image       {SandboxImage.Tag} ({imageId})");
        var policy = SandboxPolicy.Default with { CpuTimeSeconds = 1, WallClockSeconds = 5 };
        var host = engine.Address.OriginalString + (engine.TlsDirectory is null ? "" : "?tls=" + engine.TlsDirectory);
        var options = EngineOptions.Defaults with { Workers = 1, DockerHosts = [host] };
        await using var pool = await DockerSandboxPool.StartAsync(policy, options, cancellationToken);
        Console.WriteLine($"pool        {pool.Description}");
        var outcomes = await SandboxSelfTest.RunAsync(pool, policy, cancellationToken);
        foreach (var outcome in outcomes)
            Console.WriteLine($"{(outcome.Passed ? "PASS" : "FAIL"),-11} {outcome.Check.Limit} → {VerdictNames.Name(outcome.Result.Status)}" +
                              (outcome.Passed ? "" : Mismatch(outcome)));
        var failed = outcomes.Count(o => !o.Passed);
        Console.WriteLine(failed == 0 ? $"OK: all {outcomes.Count} limits enforced" : $"FAILED: {failed} of {outcomes.Count} checks");
        return failed == 0;
    }

    private static Command BuildImage()
    {
        var method = new Option<ImageBuildMethod>("--method")
        {
            Description = "auto (offline when debootstrap is installed), dockerfile or offline",
            DefaultValueFactory = _ => ImageBuildMethod.Auto,
        };
        var force = new Option<bool>("--force") { Description = "Rebuild even when the image is present" };
        var command = new Command("build-image", $"Build the sandbox image {SandboxImage.Tag} (skipped when present)");
        command.Options.Add(method);
        command.Options.Add(force);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = await DockerEngine.ConnectAsync((string?)null, cancellationToken);
            var existing = await SandboxImage.TryGetIdAsync(client, SandboxImage.Tag, cancellationToken);
            if (existing is not null && !parseResult.GetValue(force))
            {
                Console.WriteLine($"{SandboxImage.Tag} is present ({existing}); nothing to do");
                return ExitCodes.Success;
            }
            var started = DateTime.UtcNow;
            var used = await ImageBuilder.BuildAsync(SandboxImage.Tag, parseResult.GetValue(method), Console.Out, cancellationToken);
            var id = await SandboxImage.RequireAsync(client, SandboxImage.Tag, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"built {SandboxImage.Tag} ({id}) with the {used.ToString().ToLowerInvariant()} method in {(DateTime.UtcNow - started).TotalSeconds:0.0} s"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Soak()
    {
        var count = new Option<int>("--count", "--programs") { Description = "Programs to run (4 benign : 1 hostile)", DefaultValueFactory = _ => 10_000 };
        var workers = new Option<int>("--workers") { Description = "Warm worker containers", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cpuSeconds = new Option<double>("--cpu-seconds")
        {
            Description = "CPU-time limit per program (stops the infinite loops)",
            DefaultValueFactory = _ => 2,
        };
        var wallSeconds = new Option<double>("--wall-seconds")
        {
            Description = "Wall-clock limit per program (raise it on a loaded machine)",
            DefaultValueFactory = _ => 5,
        };
        var dockerHost = EngineOptions.CreateDockerHost();
        var command = new Command("soak", "Run many mixed benign/hostile programs; report wrong verdicts and leaked containers/processes (all must be 0)");
        foreach (var option in new Option[] { count, workers, cpuSeconds, wallSeconds, dockerHost }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            OptionChecks.Positive(parseResult.GetValue(count), "--count");
            OptionChecks.Positive(parseResult.GetValue(workers), "--workers");
            Preflight.ThrowIfInvalid([EngineOptions.Validator(parseResult, dockerHost)]);
            var policy = SandboxPolicy.Default with
            {
                CpuTimeSeconds = OptionChecks.PositiveSeconds(parseResult.GetValue(cpuSeconds), "--cpu-seconds"),
                WallClockSeconds = OptionChecks.PositiveSeconds(parseResult.GetValue(wallSeconds), "--wall-seconds"),
            };
            var progress = new Progress<int>(done => Console.Error.WriteLine($"soak: {done} done"));
            var poolOptions = EngineOptions.PoolOptions(parseResult, dockerHost, parseResult.GetValue(workers));
            var report = await SoakRunner.RunAsync(parseResult.GetValue(count), policy, poolOptions, progress, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"programs {report.Programs} in {report.Seconds:0.0} s ({report.Programs / report.Seconds:0.0}/s), worker replacements {report.Replacements}"));
            Console.WriteLine($"wrong verdicts     {report.WrongVerdicts}");
            Console.WriteLine($"leaked processes   {report.LeakedProcesses}");
            Console.WriteLine($"leaked containers  {report.LeakedContainers}");
            foreach (var example in report.Examples) Console.WriteLine("  " + example);
            return report.WrongVerdicts + report.LeakedProcesses + report.LeakedContainers == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static string Mismatch(SelfTestOutcome outcome)
    {
        var printing = outcome.Check.Stdout is null ? "" : $" printing {outcome.Check.Stdout.Trim()}";
        return $" (expected {VerdictNames.Name(outcome.Check.Expected)}{printing}; " +
               $"got stdout '{outcome.Result.Stdout.Trim()}' stderr '{Tail(outcome.Result.Stderr)}')";
    }

    private static string Tail(string text) => (text.Length <= 300 ? text : text[^300..]).Trim().ReplaceLineEndings(" ⏎ ");
}
