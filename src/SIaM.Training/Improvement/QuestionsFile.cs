using System.Text.Json;
using SIaM.Core;
using SIaM.Core.Runs;

namespace SIaM.Training.Improvement;

/// <summary>Reads and writes JSON Lines of <c>{"id", "question", "answer"}</c>; a malformed line fails with file:line.</summary>
public static class QuestionsFile
{
    /// <summary>Reads every non-blank line.</summary>
    public static IReadOnlyList<LoopQuestion> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: no such file");
        var result = new List<LoopQuestion>();
        var ids = new HashSet<string>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                string Field(string name) => doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                    ? s : throw new InputException($"{path}:{number}: missing or empty string field '{name}'");
                var q = new LoopQuestion(Field("id"), Field("question"), Field("answer"));
                if (!ids.Add(q.Id)) throw new InputException($"{path}:{number}: duplicate id '{q.Id}'");
                result.Add(q);
            }
            catch (JsonException e)
            {
                throw new InputException($"{path}:{number}: not a JSON object ({e.Message})");
            }
            catch (InvalidOperationException e)
            {
                throw new InputException($"{path}:{number}: not a JSON object ({e.Message})");
            }
        }
        if (result.Count == 0) throw new InputException($"{path}: no questions");
        return result;
    }

    /// <summary>Writes the questions (atomically).</summary>
    public static void Write(string path, IEnumerable<LoopQuestion> questions) =>
        AtomicFile.WriteText(path, string.Concat(questions.Select(q => JsonSerializer.Serialize(new { id = q.Id, question = q.Question, answer = q.Answer }, JsonOptions.Compact) + "\n")));
}
