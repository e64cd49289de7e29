using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Benchmarks;

namespace SIaM.Data;

/// <summary>One record of a data file, before mapping: a JSON object (or, for TSV, a JSON array of columns).</summary>
/// <param name="Benchmark">The benchmark id.</param>
/// <param name="Index">0-based record position in the file.</param>
/// <param name="Location">Where it came from, for error messages (<c>file:line</c> or <c>file: record N</c>).</param>
/// <param name="Value">The record.</param>
public sealed record RawRecord(string Benchmark, int Index, string Location, JsonElement Value)
{
    /// <summary>A required string field.</summary>
    public string Text(string field) =>
        Field(field) is { ValueKind: JsonValueKind.String } e ? e.GetString()! : throw Error($"field '{field}' must be a string");

    /// <summary>A string field that may be missing or null.</summary>
    public string? OptionalText(string field) =>
        Value.TryGetProperty(field, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    /// <summary>A required number or numeric string, as canonical text (<c>27.0</c> → <c>27</c>).</summary>
    public string NumberText(string field) => Field(field) switch
    {
        { ValueKind: JsonValueKind.Number } n => NumberFormat.Canonical(n.GetDouble()),
        { ValueKind: JsonValueKind.String } s => s.GetString()!.Trim(),
        _ => throw Error($"field '{field}' must be a number"),
    };

    /// <summary>A required field of any kind.</summary>
    public JsonElement Field(string field) =>
        Value.ValueKind == JsonValueKind.Object && Value.TryGetProperty(field, out var e) && e.ValueKind != JsonValueKind.Null
            ? e
            : throw Error($"missing field '{field}'");

    /// <summary>A required list of strings.</summary>
    public IReadOnlyList<string> TextList(string field)
    {
        var e = Field(field);
        if (e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
            throw Error($"field '{field}' must be a list of strings");
        return e.EnumerateArray().Select(x => x.GetString()!).ToList();
    }

    /// <summary>Column <paramref name="index"/> (0-based) of a TSV row.</summary>
    public string Column(int index) =>
        Value.ValueKind == JsonValueKind.Array && index < Value.GetArrayLength()
            ? Value[index].GetString()!
            : throw Error($"expected at least {index + 1} tab-separated columns");

    /// <summary>Builds the problem for this record; an empty question or reference is an error naming the record.</summary>
    public Problem ToProblem(string question, string reference, AnswerKind kind,
        IReadOnlyDictionary<string, string>? choices = null, ReferenceSolution? solution = null)
    {
        if (string.IsNullOrWhiteSpace(question)) throw Error("empty question");
        if (string.IsNullOrWhiteSpace(reference)) throw Error("empty reference answer");
        return new Problem(Benchmark, Index, question.Trim(), reference.Trim(), kind, choices, solution);
    }

    /// <summary>An <see cref="InputException"/> that names this record.</summary>
    public InputException Error(string message) => new($"{Location}: {message}");
}
