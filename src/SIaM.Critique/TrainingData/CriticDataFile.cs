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
    public static IReadOnlyList<CriticTrainingExample> Read(string path) =>
        JsonLinesFile.Read(path, "critic data", line =>
        {
            var prompt = line.Text("prompt");
            if (string.IsNullOrWhiteSpace(prompt)) throw line.Error("no \"prompt\" text");
            var response = line.Text("response");
            if (response is not ("YES" or "NO")) throw line.Error($"\"response\" must be YES or NO, got {(response is null ? "nothing" : $"'{response}'")}");
            var label = response == "YES";
            if (line.Fields["label"] is { } given && given.GetValue<bool>() != label)
                throw line.Error($"\"label\" {given.GetValue<bool>().ToString().ToLowerInvariant()} contradicts \"response\" {response}");
            var messages = line.Fields["messages"] is JsonArray array
                ? array.Select(m => new ChatMessage(
                    m?["role"]?.GetValue<string>() ?? throw line.Error("every message needs a \"role\""),
                    m["content"]?.GetValue<string>() ?? throw line.Error("every message needs a \"content\""))).ToArray()
                : [];
            return new CriticTrainingExample(line.Text("id") ?? $"line-{line.Number}", line.Fields["sample"]?.GetValue<int>() ?? 0,
                line.Text("benchmark") ?? "", prompt, messages, response, label);
        });

    /// <summary>Writes <paramref name="examples"/> atomically, one JSON object per line.</summary>
    public static void Write(string path, IReadOnlyList<CriticTrainingExample> examples) => JsonLinesWriter.WriteAll(path, examples);
}
