using System.Reflection;
using SIaM.Core.Prompts;

namespace SIaM.Grading;

/// <summary>
/// The grader's version, recorded in every run's identity: <c>grader@B+H</c>, where <c>B</c> is <see cref="Behaviour"/>
/// (bump it by hand for a deliberate change of grading behaviour) and <c>H</c> the first 8 hex of SHA-256 over the case
/// tables (<c>src/SIaM.Grading/Cases/*.jsonl</c>, embedded in this assembly at build time). Every grading fix
/// adds a case-table row, so the version changes even when nobody bumps <c>B</c>, and a run cannot be resumed across it.
/// </summary>
public static class GraderVersion
{
    /// <summary>The hand-maintained behaviour version. 1 (2026-12-01): the first versioned grader. 2 (2026-12-07): real
    /// output — answer sections, Chinese math words, exam-style references, prose conclusions (docs/grading-real-output.md).</summary>
    public const int Behaviour = 3;

    /// <summary>The version of this build's grader.</summary>
    public static string Current { get; } = $"grader@{Behaviour}+{CaseTablesHash()[..8]}";

    /// <summary>SHA-256 over every embedded case table, by name in ordinal order (line endings normalised to \n).</summary>
    public static string CaseTablesHash()
    {
        var assembly = typeof(GraderVersion).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith("cases/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0) throw new InvalidOperationException("SIaM.Grading was built without its case tables");
        return Sha256.Hex(string.Join("\0", names.Select(n => n + "\0" + Read(assembly, n).ReplaceLineEndings("\n"))));
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
