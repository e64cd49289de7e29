using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.SelfImprovement;

/// <summary>Reads and writes JSON Lines of <c>{"id", "question", "answer"}</c>; a malformed line fails with file:line.</summary>
public static class QuestionsFile
{
    /// <summary>Reads every non-blank line.</summary>
    public static IReadOnlyList<LoopQuestion> Read(string path)
    {
        var ids = new HashSet<string>();
        var result = JsonLinesFile.Read(path, "questions", line =>
        {
            string Field(string name) => line.Fields[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
                ? s : throw line.Error($"missing or empty string field '{name}'");
            var q = new LoopQuestion(Field("id"), Field("question"), Field("answer"));
            if (!ids.Add(q.Id)) throw line.Error($"duplicate id '{q.Id}'");
            return q;
        });
        if (result.Count == 0) throw new InputException($"{path}: no questions");
        return result;
    }

    /// <summary>Writes the questions (atomically).</summary>
    public static void Write(string path, IEnumerable<LoopQuestion> questions) =>
        AtomicFile.WriteText(path, string.Concat(questions.Select(q =>
            JsonSerializer.Serialize(new { id = q.Id, question = q.Question, answer = q.Answer }, JsonFormat.Line) + "\n")));
}
