using System.Text.Json;
using SIaM.Core.Benchmarks;
using SIaM.Core.Runs;
using SIaM.Data.Files;

namespace SIaM.SelfImprovement.Runs;

/// <summary>
/// The loop's question sets as benchmarks: each set is written once as a question file (<c>NAME.jsonl</c>, one
/// <c>{"id", "question", "answer"}</c> per line, in loop order, so problem <c>NAME/i</c> is question i) and a task file
/// (<c>NAME.task.json</c>) naming its language, so the runner loads it like any <c>file:</c> benchmark.
/// </summary>
public static class LoopQuestionFiles
{
    /// <summary>Writes the set (unchanged files are left alone) and returns the <c>file:</c> entry of its task file.</summary>
    public static string Write(string directory, string name, IReadOnlyList<LoopQuestion> questions)
    {
        Directory.CreateDirectory(directory);
        var data = Path.Combine(directory, name + ".jsonl");
        var task = Path.Combine(directory, name + ".task.json");
        WriteIfChanged(data, string.Concat(questions.Select(q =>
            JsonSerializer.Serialize(new { id = q.Id, question = q.Question, answer = q.Answer, program = q.Program }, JsonFormat.Line) + "\n")));
        var language = LanguageOf(questions).ToString().ToLowerInvariant();
        var fields = new Dictionary<string, string> { ["name"] = name, ["path"] = name + ".jsonl", ["language"] = language };
        if (questions.All(q => q.Program is not null)) fields["program_field"] = "program";
        WriteIfChanged(task, JsonSerializer.Serialize(fields, JsonFormat.Document) + "\n");
        return QuestionFileTask.Prefix + task;
    }

    /// <summary>Chinese when most questions hold a CJK character, else English. Pure.</summary>
    public static Language LanguageOf(IReadOnlyList<LoopQuestion> questions) =>
        questions.Count(q => q.Question.Any(c => c is >= '\u4e00' and <= '\u9fff')) * 2 > questions.Count ? Language.Zh : Language.En;

    private static void WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text) return;
        AtomicFile.WriteText(path, text);
    }
}
