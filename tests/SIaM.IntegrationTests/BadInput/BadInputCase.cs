using System.Text.Json;
using System.Text.Json.Serialization;

namespace SIaM.IntegrationTests.BadInput;

/// <summary>
/// One row of <c>cases.jsonl</c>: a command line, the files it needs (created by the test), the exit code and a
/// fragment the output must contain. In paths and contents <c>{tmp}</c> is the row's temporary directory, <c>{data}</c>
/// the shared benchmark data and <c>{tiny}</c> the tiny Llama checkpoint.
/// </summary>
/// <param name="Name">What the row checks (the test name).</param>
/// <param name="Args">The arguments after <c>siam</c>.</param>
/// <param name="Exit">The expected exit code.</param>
/// <param name="Message">A fragment the output must contain.</param>
/// <param name="Files">Files to write (relative path → content); a null content deletes a copied file.</param>
/// <param name="Copies">Directories or files to copy first (relative target → source).</param>
/// <param name="Truncate">Files to cut to a byte length after copying.</param>
/// <param name="Setup"><c>readonly-mount</c> or <c>full-mount</c>: a tmpfs at <c>{tmp}/mnt</c>.</param>
/// <param name="Absent">Paths that must not exist afterwards (nothing half-written).</param>
public sealed record BadInputCase(
    string Name,
    IReadOnlyList<string> Args,
    int Exit,
    string Message,
    IReadOnlyDictionary<string, string?>? Files = null,
    IReadOnlyDictionary<string, string>? Copies = null,
    IReadOnlyDictionary<string, long>? Truncate = null,
    string? Setup = null,
    IReadOnlyList<string>? Absent = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<BadInputCase> ReadAll() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "BadInput", "cases.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select((line, i) => JsonSerializer.Deserialize<BadInputCase>(line, Json) ?? throw new InvalidDataException($"cases.jsonl:{i + 1}: empty"))
            .ToList();

    /// <summary>The verb (first argument, or the first two for verbs with sub-verbs).</summary>
    public string Verb => Args.Count > 1 && Args[0] is "data" or "sandbox" or "bench" or "critic" or "snapshot"
        ? $"{Args[0]} {Args[1]}"
        : Args.FirstOrDefault() ?? "";

    public string Expand(string text, string temp) => text
        .Replace("{tmp}", temp, StringComparison.Ordinal)
        .Replace("{data}", SharedFixtures.BenchmarksData, StringComparison.Ordinal)
        .Replace("{tiny}", SharedFixtures.TinyLlama, StringComparison.Ordinal);

    public override string ToString() => Name;
}
