using System.Diagnostics;
using System.Text.Json;

namespace SIaM.MicroBenchmarks;

/// <summary>Runs <c>sympy_baseline.py</c> with <c>/usr/bin/python3</c> (override: SIAM_SYMPY_PYTHON) on a pair file.</summary>
public static class SympyBaseline
{
    public static double? PairsPerSecond(string pairSet, double seconds)
    {
        var python = Environment.GetEnvironmentVariable("SIAM_SYMPY_PYTHON") ?? "/usr/bin/python3";
        var script = Path.Combine(AppContext.BaseDirectory, "sympy_baseline.py");
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, PairSet.PathOf(pairSet), seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(seconds * 10 + 60))) { process.Kill(entireProcessTree: true); return null; }
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"sympy baseline failed ({python}): {stderr.Trim()}");
                return null;
            }
            using var doc = JsonDocument.Parse(stdout);
            return doc.RootElement.GetProperty("pairs_per_second").GetDouble();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or JsonException)
        {
            Console.Error.WriteLine($"sympy baseline unavailable ({python}): {e.Message}");
            return null;
        }
    }
}
