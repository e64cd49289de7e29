using System.Diagnostics;
using System.Text.RegularExpressions;
using SIaM.Reporting.Exporters;
using SIaM.Reporting.Tests.Fixtures;
using SIaM.Reporting.Tests.Plots;
using SIaM.Testing;
using SkiaSharp;

namespace SIaM.Reporting.Tests.Exporters;

[Category("Browser")]
public sealed class HtmlInBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public void Report_html_loads_in_headless_chromium_without_console_errors_and_shows_the_plots()
    {
        RequireChromium();
        using var temp = new TempDirectory();
        ReportBuilder.Write(FixedReport.Build(temp), temp.File("out"), ["html"]);
        var html = Path.Combine(temp.File("out"), "report.html");

        var (log, screenshot) = Screenshot(html, temp.File("shot.png"));

        Assert.That(ConsoleLines(log), Is.Empty);
        Assert.That(Regex.Matches(File.ReadAllText(html), "<img [^>]*src=\"data:image/png;base64,").Count, Is.EqualTo(4));
        Assert.That(Regex.IsMatch(File.ReadAllText(html), "(src|href)=\"(https?:)?//"), Is.False, "report.html must be self-contained");
        using var bitmap = SKBitmap.Decode(screenshot);
        Assert.That(PlotBluePixels(bitmap), Is.GreaterThan(3000), "no bars of the accuracy plot in the screenshot");
    }

    [Test]
    public void A_page_that_logs_a_console_error_is_caught_by_the_same_check()
    {
        RequireChromium();
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("bad.html"), "<!DOCTYPE html><html><body><script>throw new Error('boom')</script></body></html>");

        var (log, _) = Screenshot(temp.File("bad.html"), temp.File("bad.png"));

        Assert.That(ConsoleLines(log), Has.Some.Contains("Uncaught Error: boom"));
    }

    private static void RequireChromium()
    {
        if (File.Exists(Chromium)) return;
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 }) Assert.Fail($"{Chromium} missing: .ci/run installs chromium");
        Assert.Ignore($"{Chromium} not installed (apt install chromium)");
    }

    private static (string Log, string Screenshot) Screenshot(string html, string png)
    {
        var start = new ProcessStartInfo(Chromium,
            ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
             "--window-size=1100,2400", $"--screenshot={png}", new Uri(html).AbsoluteUri])
        { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) { process.Kill(true); Assert.Fail("chromium did not finish in 2 minutes"); }
        Assert.That(File.Exists(png), $"chromium wrote no screenshot: {stderr.Result}");
        return (stderr.Result, png);
    }

    private static IEnumerable<string> ConsoleLines(string log) =>
        log.Split('\n').Where(l => l.Contains(":CONSOLE") || l.Contains("Failed to load resource"));

    private static int PlotBluePixels(SKBitmap bitmap)
    {
        var blue = SIaM.Reporting.Tests.Plots.Palette.First;
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y) is var p && Math.Abs(p.Red - blue.Red) < 12 && Math.Abs(p.Green - blue.Green) < 12 && Math.Abs(p.Blue - blue.Blue) < 12) count++;
        return count;
    }
}
