using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core.Sandbox;
using SIaM.Core.Validation;
using SIaM.Sandbox.Docker;

namespace SIaM.Cli.Commands;

/// <summary><c>siam exec --input programs.jsonl</c>: runs programs in the Docker pool, one JSON verdict per line on stdout.</summary>
internal static class ExecCommand
{
    private static readonly Option<FileInfo> Input = new("--input")
    {
        Description = "JSONL file of {\"id\": …, \"code\": …} lines ('-' for stdin)",
        Required = true,
    };
    private static readonly Option<int> Workers = new("--workers")
    {
        Description = "Warm worker containers (default: one per core)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };
    private static readonly Option<double> CpuSeconds = new("--cpu-seconds")
    {
        Description = "CPU-time limit per program",
        DefaultValueFactory = _ => SandboxPolicy.Default.CpuTimeSeconds,
    };
    private static readonly Option<string[]> DockerHost = EngineOptions.CreateDockerHost();
    private static readonly Option<double> WallSeconds = new("--wall-seconds")
    {
        Description = "Wall-clock limit per program",
        DefaultValueFactory = _ => SandboxPolicy.Default.WallClockSeconds,
    };

    public static Command Create()
    {
        var command = new Command("exec", "Run Python programs in the Docker sandbox pool; JSONL verdicts on standard output");
        foreach (var option in new Option[] { Input, Workers, CpuSeconds, WallSeconds, DockerHost }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var input = parseResult.GetValue(Input)!;
            Preflight.ThrowIfInvalid(
            [
                IntRangeValidator.Positive("--workers", parseResult.GetValue(Workers)),
                EngineOptions.Validator(parseResult, DockerHost),
            ]);
            var cpuSeconds = OptionChecks.PositiveSeconds(parseResult.GetValue(CpuSeconds), "--cpu-seconds");
            var wallSeconds = OptionChecks.PositiveSeconds(parseResult.GetValue(WallSeconds), "--wall-seconds");
            var programs = ReadPrograms(input);
            var policy = SandboxPolicy.Default with { CpuTimeSeconds = cpuSeconds, WallClockSeconds = wallSeconds };
            var poolOptions = EngineOptions.PoolOptions(parseResult, DockerHost, parseResult.GetValue(Workers));
            await using var pool = await DockerSandboxPool.StartAsync(policy, poolOptions, cancellationToken);
            Console.Error.WriteLine($"siam exec: {programs.Count} programs on {pool.Description}");
            var results = programs.Select(p => pool.RunPythonAsync(p.Code, cancellationToken)).ToList();
            for (var i = 0; i < programs.Count; i++)
                Console.Out.WriteLine(Line(programs[i].Id, await results[i]));
            cancellationToken.ThrowIfCancellationRequested(); // interrupted: exit 130, not 0
            if (pool.Engines.Count > 1 || pool.Replacements > 0) EngineReport.Print(pool, Console.Error);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Line(JsonNode? id, ExecResult result) => new JsonObject
    {
        ["id"] = id?.DeepClone(),
        ["status"] = VerdictNames.Name(result.Status),
        ["stdout"] = result.Stdout,
        ["stderr"] = result.Stderr,
        ["exit_code"] = result.ExitCode,
        ["duration_ms"] = Math.Round(result.DurationMs, 3),
        ["truncated"] = result.Truncated,
    }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static List<(JsonNode? Id, string Code)> ReadPrograms(FileInfo input)
    {
        var name = input.Name == "-" ? "<stdin>" : input.FullName;
        if (input.Name != "-" && !input.Exists) throw new UsageException($"--input {name}: no such file");
        using var reader = input.Name == "-" ? Console.In : new StreamReader(input.FullName);
        var programs = new List<(JsonNode?, string)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException e)
            {
                throw new UsageException($"{name}:{lineNumber}: not valid JSON ({e.Message})");
            }
            if (node is not JsonObject obj || obj["code"] is not JsonValue code || code.GetValueKind() != JsonValueKind.String)
                throw new UsageException($"{name}:{lineNumber}: expected an object with a string \"code\" field");
            programs.Add((obj["id"] ?? JsonValue.Create(lineNumber), code.GetValue<string>()));
        }
        return programs;
    }
}
