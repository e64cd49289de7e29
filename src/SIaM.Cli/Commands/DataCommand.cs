using System.CommandLine;
using SIaM.Data;

namespace SIaM.Cli.Commands;

/// <summary><c>siam data verify|fetch</c>: check the data files against the manifest, or download missing ones.</summary>
internal static class DataCommand
{
    private static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory (default: $SIAM_DATA, ./benchmarks-data, ../shared/benchmarks-data)",
    };

    private static readonly Option<string?> Dest = new("--dest")
    {
        Description = "Where to put downloaded files (default: $SIAM_DATA, else ./benchmarks-data)",
    };

    private static readonly Option<string?> Only = new("--only") { Description = "Benchmark ids and/or suites, comma-separated (default: all 35 files)" };

    public static Command Create()
    {
        var command = new Command("data", "Verify or fetch the benchmark data files");
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Fetch());
        return command;
    }

    private static Command Verify()
    {
        var command = new Command("verify", "Check every data file's sha256 and record count against the manifest (exit 2 on any problem)");
        command.Options.Add(Data);
        command.Options.Add(Only);
        command.SetAction(result =>
        {
            var root = DataLocator.Resolve(result.GetValue(Data));
            var bad = 0;
            foreach (var spec in Selected(result.GetValue(Only)))
            {
                var check = DataVerifier.Check(spec, root);
                if (!check.Verified) bad++;
                Console.WriteLine(check.Verified
                    ? $"ok        {spec.Id,-18} {check.Records,5} records  sha256 {check.Sha256}  {check.Path}"
                    : $"{(check.Path is null ? "MISSING" : "MISMATCH"),-9} {spec.Id,-18} {spec.DataFile}: {check.Problem}");
            }
            if (bad == 0) Console.WriteLine("all files verified");
            else Console.Error.WriteLine($"error: {bad} file(s) missing or not matching the manifest; looked in: {string.Join(", ", root.Directories)}");
            return bad == 0 ? ExitCodes.Success : ExitCodes.Usage;
        });
        return command;
    }

    private static Command Fetch()
    {
        var command = new Command("fetch", "Download missing data files from their pinned upstream URLs (sha256-verified, written atomically)");
        command.Options.Add(Dest);
        command.Options.Add(Only);
        command.SetAction(async (result, cancellationToken) =>
        {
            var dest = result.GetValue(Dest)
                ?? (Environment.GetEnvironmentVariable(DataLocator.EnvironmentVariable) is { Length: > 0 } env ? env
                    : Path.Combine(Directory.GetCurrentDirectory(), "benchmarks-data"));
            OutputDirectory.EnsureWritable(dest, "--dest");
            using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) })
            { Timeout = TimeSpan.FromMinutes(2) };
            var fetcher = new DataFetcher(http);
            var failed = 0;
            foreach (var spec in Selected(result.GetValue(Only)))
            {
                var fetched = await fetcher.FetchAsync(spec, dest, cancellationToken);
                if (fetched.Outcome == FetchOutcome.Failed) failed++;
                Console.WriteLine($"{fetched.Outcome.ToString().ToLowerInvariant(),-15} {spec.Id,-18} {fetched.Path}: {fetched.Message}");
            }
            if (failed > 0) Console.Error.WriteLine($"error: {failed} file(s) could not be fetched (see above); nothing half-written was left");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static IEnumerable<BenchmarkSpec> Selected(string? only) =>
        only is null ? BenchmarkRegistry.All.Values : Suites.Expand(only).Select(BenchmarkRegistry.Get);
}
