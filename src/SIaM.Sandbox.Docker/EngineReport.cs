using System.Globalization;

namespace SIaM.Sandbox.Docker;

/// <summary>Prints a pool's per-engine table: workers, programs, throughput, worker idle share, programs moved away, health.</summary>
public static class EngineReport
{
    /// <summary>Writes the table (Markdown) to <paramref name="output"/>.</summary>
    public static void Print(DockerSandboxPool pool, TextWriter output)
    {
        output.WriteLine("| engine | weight | workers | programs | programs/s | worker idle | moved away | worker failures | state |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var e in pool.Engines)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {e.Name} | {e.Endpoint.Weight} | {e.Workers} | {e.Completed} | {e.ProgramsPerSecond:0.0} " +
                $"| {100 * e.WorkerIdleFraction:0.0} % | {e.MovedAway} | {e.WorkerFailures} " +
                $"| {(e.Alive ? "up" : "given up: " + e.LastError)} |"));
    }
}
