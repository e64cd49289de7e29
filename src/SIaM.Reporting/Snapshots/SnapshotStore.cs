using System.Text.RegularExpressions;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.Reporting.Snapshots;

/// <summary>
/// Named, committed snapshots of runs under <c>reports/snapshots/NAME/</c>. A snapshot is itself a run directory
/// (<c>run.json</c>, <c>results.json</c>, and its samples compressed in <c>samples.compact.br</c>, see
/// <see cref="CompactSamplesFile"/>), so everything that reads a run reads a snapshot; snapshots saved before, with an
/// uncompressed <c>samples.jsonl</c>, still read. It is normalised (samples in key order, LF line ends, no timing,
/// stderr only where a program failed) so that saving the same run twice gives the same bytes.
/// </summary>
public sealed partial class SnapshotStore(string root)
{
    /// <summary>The default root, relative to the working directory.</summary>
    public const string DefaultRoot = "reports/snapshots";

    /// <summary>The folder that holds the snapshots.</summary>
    public string Root { get; } = root;

    /// <summary>Whether <paramref name="name"/> can name a snapshot (letters, digits, <c>. _ -</c>, not starting with a dot).</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <summary>Saves <paramref name="run"/> as <paramref name="name"/>, replacing a snapshot of that name atomically.</summary>
    public string Save(RunLog run, string name)
    {
        if (!NamePattern().IsMatch(name)) throw new InputException($"snapshot name '{name}' must match [A-Za-z0-9][A-Za-z0-9._-]*");
        if (run.Results is null) throw new InputException($"{run.Path}: no results.json (the run did not finish); nothing to snapshot");
        var target = Path.Combine(Root, name);
        var staging = Path.Combine(Root, $".{name}.tmp-{Environment.ProcessId}");
        if (Directory.Exists(staging)) Directory.Delete(staging, true);
        Directory.CreateDirectory(staging);
        try
        {
            AtomicFile.WriteText(Path.Combine(staging, RunDirectory.IdentityFile), run.Identity.ToJsonString(JsonFormat.Document) + "\n");
            CompactSamplesFile.Write(Path.Combine(staging, CompactSamplesFile.FileName),
                run.Samples.OrderBy(s => s.Benchmark, StringComparer.Ordinal).ThenBy(s => s.Index).ThenBy(s => s.Sample).Select(Normalize));
            RunResultsFile.Write(Path.Combine(staging, RunDirectory.ResultsFile),
                run.Results with { Timing = new RunTiming(DateTimeOffset.UnixEpoch, 0, "") });
            var checkpoint = Path.Combine(run.Path, SIaM.Core.Runs.CheckpointFile.Name);
            if (File.Exists(checkpoint)) File.Copy(checkpoint, Path.Combine(staging, SIaM.Core.Runs.CheckpointFile.Name));
            if (Directory.Exists(target)) Directory.Delete(target, true);
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, true);
        }
        return target;
    }

    /// <summary>The bytes a snapshot takes on disk (all its files).</summary>
    public static long SizeOf(string directory) => Directory.EnumerateFiles(directory).Sum(f => new FileInfo(f).Length);

    /// <summary>The snapshot directory of <paramref name="name"/>, or null when there is none.</summary>
    public string? Find(string name) =>
        NamePattern().IsMatch(name) && File.Exists(Path.Combine(Root, name, RunDirectory.IdentityFile)) ? Path.Combine(Root, name) : null;

    /// <summary>The names of the saved snapshots.</summary>
    public IReadOnlyList<string> Names() => Directory.Exists(Root)
        ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
        : [];

    private static SampleRecord Normalize(SampleRecord s) => s with
    {
        Completion = Lf(s.Completion),
        Code = s.Code is null ? null : Lf(s.Code),
        Executions = s.Executions.Select(e => e with
        {
            Stdout = Lf(e.Stdout),
            Stderr = e.Status == Core.Sandbox.ExecStatus.Ok ? "" : Lf(e.Stderr),
        }).ToList(),
    };

    private static string Lf(string text) => text.Replace("\r\n", "\n");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();
}
