using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SIaM.MicroBenchmarks;

// dotnet run -c Release --project tests/SIaM.MicroBenchmarks            → BenchmarkDotNet (short job, in-process) + sympy table
// dotnet run -c Release --project tests/SIaM.MicroBenchmarks -- --quick → Stopwatch measurement + sympy table (≈ 15 s)
var quick = args.Contains("--quick");
string[] sets = ["numeric", "symbolic", "freetext"];
var seconds = quick ? 3.0 : 5.0;
var ours = new Dictionary<string, double>();
if (quick)
{
    foreach (var set in sets) ours[set] = QuickMeasure.PairsPerSecond(set, seconds);
}
else
{
    var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    var summary = BenchmarkRunner.Run<GraderBenchmarks>(config, args);
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is not { } stats) continue;
        ours[report.BenchmarkCase.Descriptor.WorkloadMethod.Name.ToLowerInvariant()] = 1e9 / stats.Mean; // ns per pair (FreeText → freetext)
    }
}

Console.WriteLine();
Console.WriteLine($"| pairs | SIaM grader (pairs/s/core) | judged equal | sympy simplify(a-b)==0 (pairs/s/core) | ratio |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
foreach (var set in sets)
{
    var judge = PairJudge.For(set);
    var pairs = PairSet.Load(set);
    var baseline = SympyBaseline.PairsPerSecond(set, seconds);
    var mine = ours.GetValueOrDefault(set);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {set} ({pairs.Count}) | {mine:N0} | {pairs.Count(judge)}/{pairs.Count} | " +
            $"{(baseline is { } b ? b.ToString("N0", CultureInfo.InvariantCulture) : "n/a")} | {(baseline is { } c && c > 0 ? $"{mine / c:N0}x" : "n/a")} |"));
}
