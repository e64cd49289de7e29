using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Benchmarks;

namespace SIaM.Data.Files;

/// <summary>
/// Loads a user's question file (JSON Lines) as a benchmark: the same records, ids (<c>NAME/INDEX</c>), sha256 and
/// content hashes as a registered benchmark, so the runner, the grader, the identity and every report treat it alike.
/// A malformed line, a missing field or an empty question or answer is an error naming <c>file:line</c>.
/// </summary>
public static class QuestionFileLoader
{
    /// <summary>Reads and maps every record of the task's question file.</summary>
    public static LoadedBenchmark Load(QuestionFileTask task)
    {
        if (task.AnswerKind == AnswerKind.Choice)
            throw new InputException(
                $"{task.Path}: answer kind 'choice' needs options, which question files do not carry; use number, expression, multiblank or list");
        var bytes = File.ReadAllBytes(task.Path);
        var problems = new List<Problem>();
        foreach (var record in RecordReader.Read(task.Name, DataFormat.JsonLines, task.Path, bytes))
            problems.Add(Map(task, record));
        if (problems.Count == 0) throw new InputException($"{task.Path}: the question file has no records");
        return new LoadedBenchmark(new BenchmarkInfo(task.Name, 1, task.Language, task.AnswerKind), problems, FileHash.Sha256(bytes), Verified: true);
    }

    private static Problem Map(QuestionFileTask task, RawRecord record)
    {
        var answer = record.Field(task.AnswerField) switch
        {
            { ValueKind: JsonValueKind.Number } => record.NumberText(task.AnswerField),
            { ValueKind: JsonValueKind.String } s => s.GetString()!,
            var other => throw record.Error($"field '{task.AnswerField}' must be a string or a number, found {other.ValueKind.ToString().ToLowerInvariant()}"),
        };
        var solution = task.ProgramField is { } field ? new ReferenceSolution(ReferenceSolutionKind.PythonCode, record.Text(field)) : null;
        return record.ToProblem(record.Text(task.QuestionField), answer, task.AnswerKind, solution: solution);
    }
}
