using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SIaM.Core;
using SIaM.Core.Runs;
using SIaM.Core.Validation;
using SIaM.Perf.Reports;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Gating;

namespace SIaM.Cli.Commands;

/// <summary>
/// <c>siam bench report [--pairs 1000,10000] [--repeat 3]</c>: size of report.html and of a compact snapshot, time to
/// write the page and, in headless Chromium, time until the viewer's first render ended, beside a
/// control page of the same viewer without samples, measured in the same run.
/// </summary>
internal static class BenchReportCommand
{
    private static readonly Option<string> Pairs = new("--pairs")
    {
        Description = "Comma-separated numbers of paired samples",
        DefaultValueFactory = _ => "1000,10000",
    };
    private static readonly Option<int> Repeat = new("--repeat")
    {
        Description = "Page loads per measurement (the median is shown)",
        DefaultValueFactory = _ => 3,
    };
    private static readonly Option<string> Browser = new("--chromium") { Description = "Chromium executable", DefaultValueFactory = _ => "/usr/bin/chromium" };

    public static Command Create()
    {
        var command = new Command("report", "Measure report.html (size, write time, time to first render in headless Chromium) and compact snapshot size");
        foreach (var option in new Option[] { Pairs, Repeat, Browser }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var sizes = result.GetValue(Pairs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, CultureInfo.InvariantCulture, out var n) && n >= 0
                    ? n
                    : throw new UsageException($"--pairs: '{s}' is not a count"))
                .ToList();
            var repeat = result.GetValue(Repeat);
            if (repeat < 1) throw new UsageException($"--repeat must be >= 1, got {repeat}");
            var chromium = result.GetValue(Browser)!;
            // The default browser may be missing (render times are then not measured); one named on purpose must exist.
            if (result.GetResult(Browser) is { Implicit: false }) Preflight.ThrowIfInvalid([PathValidator.ExistingFile("--chromium", chromium)]);
            var browser = File.Exists(chromium) ? chromium : null;
            if (browser is null) Console.Error.WriteLine($"note: {chromium} not found; render times are not measured");
            var temp = Directory.CreateTempSubdirectory("siam-bench-report-").FullName;
            try
            {
                Console.WriteLine("| paired samples | report.html | bytes/pair | write (ms) | ready (ms) | snapshot bytes/sample |");
                Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
                foreach (var n in sizes.Prepend(0)) Console.WriteLine(Row(n, temp, browser, repeat));
            }
            finally { Directory.Delete(temp, true); }
            Console.WriteLine("\nrow 0 is the control: the same viewer with no samples. ready: navigation start to the end of the viewer's first " +
                              "render (performance.now(), read from the DOM that chromium --dump-dom prints after the load event).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Row(int n, string temp, string? browser, int repeat)
    {
        var folder = Path.Combine(temp, $"n{n}");
        Directory.CreateDirectory(folder);
        var (baseRun, candidate) = ReportBenchRuns.Create(n, folder);
        var context = ReportBuilder.Build([candidate], baseRun, GatePolicy.Uniform(new GateThreshold(1, 0.05)), 0.05, 1);
        var watch = Stopwatch.StartNew();
        var html = HtmlExporter.Render(context, SIaM.Reporting.Viewer.ViewerData.Of(context), includePlots: false);
        var page = Path.Combine(folder, "report.html");
        AtomicFile.WriteText(page, html);
        var writeMs = watch.Elapsed.TotalMilliseconds;
        var bytes = new FileInfo(page).Length;
        var snapshot = n == 0 ? double.NaN : CompactSamplesFile.Encode(baseRun.Log.Samples).Length / (double)n;
        var ready = browser is null ? double.NaN : Median(Enumerable.Range(0, repeat).Select(_ => ReadyMs(browser, page)));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {n} | {bytes / 1024.0:0} KiB | {(n == 0 ? "—" : $"{bytes / (double)n:0}")} | {writeMs:0} | {Show(ready)} | {Show(snapshot)} |");
    }

    private static string Show(double value) => double.IsNaN(value) ? "—" : value.ToString("0", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    // Loads the page in headless Chromium and reads the time the viewer wrote on <body> when its first render ended.
    private static double ReadyMs(string chromium, string page)
    {
        var start = new ProcessStartInfo(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", new Uri(page).AbsoluteUri])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InputException($"{chromium}: could not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = stderr.Result;
        var match = Regex.Match(dom, "data-ready-ms=\"([0-9.]+)\"");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }
}
