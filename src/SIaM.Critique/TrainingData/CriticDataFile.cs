using System.Text.Json;
using System.Text.Json.Nodes;
using SIaM.Core;
using SIaM.Core.Backends;
using SIaM.Core.Runs;

namespace SIaM.Critique.TrainingData;

/// <summary>
/// Reads and writes the critic-data line format (<c>train.jsonl</c>, <c>heldout.jsonl</c>): <c>prompt</c> (plain text
/// ending in the answer cue) and <c>response</c> (<c>YES</c> or <c>NO</c>) are required, <c>label</c> must agree with
/// the response when given; <c>id</c>, <c>sample</c>, <c>benchmark</c>, <c>messages</c> are optional on reading.
/// </summary>
public static class CriticDataFile
{
    /// <summary>The examples of <paramref name="path"/>; a malformed line is an <see cref="InputException"/> naming file and line.</summary>
    public static IReadOnlyList<CriticTrainingExample> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: not found");
        var examples = new List<CriticTrainingExample>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            string Where() => $"{path}:{i + 1}";
            try
            {
                var node = JsonNode.Parse(lines[i]) as JsonObject ?? throw new InputException($"{Where()}: not a JSON object");
                var prompt = node["prompt"]?.GetValue<string>();
                if (string.IsNullOrWhiteSpace(prompt)) throw new InputException($"{Where()}: no \"prompt\" text");
                var response = node["response"]?.GetValue<string>();
                if (response is not ("YES" or "NO")) throw new InputException($"{Where()}: \"response\" must be YES or NO, got {(response is null ? "nothing" : $"'{response}'")}");
                var label = response == "YES";
                if (node["label"] is { } given && given.GetValue<bool>() != label)
                    throw new InputException($"{Where()}: \"label\" {given.GetValue<bool>().ToString().ToLowerInvariant()} contradicts \"response\" {response}");
                var messages = node["messages"] is JsonArray array
                    ? array.Select(m => new ChatMessage(m!["role"]!.GetValue<string>(), m["content"]!.GetValue<string>())).ToArray()
                    : [];
                examples.Add(new CriticTrainingExample(node["id"]?.GetValue<string>() ?? $"line-{i + 1}", node["sample"]?.GetValue<int>() ?? 0,
                    node["benchmark"]?.GetValue<string>() ?? "", prompt, messages, response, label));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException)
            {
                throw new InputException($"{Where()}: malformed critic example ({e.Message})");
            }
        }
        return examples;
    }

    /// <summary>Writes <paramref name="examples"/> atomically, one JSON object per line.</summary>
    public static void Write(string path, IReadOnlyList<CriticTrainingExample> examples) =>
        AtomicFile.Write(path, stream =>
        {
            foreach (var example in examples)
            {
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(example, JsonFormat.Line));
                stream.WriteByte((byte)'\n');
            }
        });
}
