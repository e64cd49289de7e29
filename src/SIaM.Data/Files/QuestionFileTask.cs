using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Benchmarks;

namespace SIaM.Data.Files;

/// <summary>
/// A user's question file as a benchmark: where the JSON Lines file is, which fields hold the question, the reference
/// answer and (optionally) a reference Python program, the answer kind, the language of the prompts and the suite it
/// reports under. <c>file:PATH.jsonl</c> takes the defaults; <c>file:TASK.json</c> reads them from a task file.
/// </summary>
/// <param name="Name">The benchmark id in results (the file name without extension unless the task file names it).</param>
/// <param name="Path">Full path of the question file.</param>
/// <param name="QuestionField">Field of the question text.</param>
/// <param name="AnswerField">Field of the reference answer (a string or a number).</param>
/// <param name="ProgramField">Field of a reference Python program (the oracle backend runs it), or null.</param>
/// <param name="AnswerKind">The shape of the references.</param>
/// <param name="Language">Selects the prompt language.</param>
/// <param name="Suite">The suite the benchmark is reported under, or null.</param>
public sealed record QuestionFileTask(
    string Name,
    string Path,
    string QuestionField = "question",
    string AnswerField = "answer",
    string? ProgramField = null,
    AnswerKind AnswerKind = AnswerKind.Number,
    Language Language = Language.En,
    string? Suite = null)
{
    /// <summary>Full path of what <c>file:</c> named: the question file, or the task file that describes it.</summary>
    public string Source { get; init; } = Path;

    /// <summary>The prefix of a question file in <c>--benchmarks</c>.</summary>
    public const string Prefix = "file:";

    /// <summary>True when <paramref name="entry"/> names a question file or task file.</summary>
    public static bool IsFileEntry(string entry) => entry.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// The task of <c>file:PATH.jsonl</c> (defaults) or <c>file:TASK.json</c> (read, its path relative to the task file).
    /// </summary>
    /// <exception cref="InputException">No such file, another extension, or a malformed task file.</exception>
    public static QuestionFileTask Parse(string entry)
    {
        var path = entry[Prefix.Length..].Trim();
        if (path.Length == 0) throw new InputException($"'{entry}': give the path of a question file after '{Prefix}'");
        if (!File.Exists(path)) throw new InputException($"{path}: no such question file (from '{entry}')");
        var full = System.IO.Path.GetFullPath(path);
        return System.IO.Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".jsonl" => new QuestionFileTask(System.IO.Path.GetFileNameWithoutExtension(full), full),
            ".json" => ReadTaskFile(full) with { Source = full },
            _ => throw new InputException($"{path}: expected a .jsonl question file or a .json task file"),
        };
    }

    private static QuestionFileTask ReadTaskFile(string path)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            root = document.RootElement.Clone();
        }
        catch (JsonException e) { throw new InputException($"{path}:{(e.LineNumber ?? 0) + 1}: malformed task file: {e.Message}"); }
        if (root.ValueKind != JsonValueKind.Object) throw new InputException($"{path}: a task file is one JSON object");
        foreach (var property in root.EnumerateObject())
            if (!Known.Contains(property.Name))
                throw new InputException($"{path}: unknown task field '{property.Name}'; known: {string.Join(", ", Known)}");
        string? Text(string field) => root.TryGetProperty(field, out var e) && e.ValueKind != JsonValueKind.Null
            ? e.ValueKind == JsonValueKind.String && e.GetString()!.Trim().Length > 0
                ? e.GetString()!.Trim()
                : throw new InputException($"{path}: task field '{field}' must be a non-empty string")
            : null;
        var data = Text("path") ?? throw new InputException($"{path}: the task file has no 'path' (the question file, relative to the task file)");
        var dataPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, data));
        if (!File.Exists(dataPath)) throw new InputException($"{path}: its question file {dataPath} does not exist");
        return new QuestionFileTask(
            Text("name") ?? System.IO.Path.GetFileNameWithoutExtension(dataPath),
            dataPath,
            Text("question_field") ?? "question",
            Text("answer_field") ?? "answer",
            Text("program_field"),
            Text("answer_kind") is { } kind ? Parse<AnswerKind>(path, "answer_kind", kind) : AnswerKind.Number,
            Text("language") is { } language ? Parse<Language>(path, "language", language) : Language.En,
            Text("suite"));
    }

    private static readonly string[] Known = ["name", "path", "question_field", "answer_field", "program_field", "answer_kind", "language", "suite"];

    private static T Parse<T>(string path, string field, string value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new InputException(
                $"{path}: task field '{field}' is '{value}'; expected one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
}
