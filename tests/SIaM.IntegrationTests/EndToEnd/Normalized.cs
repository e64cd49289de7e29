using System.Text.Json.Nodes;

namespace SIaM.IntegrationTests.EndToEnd;

/// <summary>Run files with their timing fields removed, for comparing two runs byte for byte otherwise.</summary>
public static class Normalized
{
    public static string Samples(string path) =>
        string.Join("\n", File.ReadAllLines(path).Select(line =>
        {
            var node = JsonNode.Parse(line)!.AsObject();
            foreach (var execution in node["executions"]!.AsArray()) execution!.AsObject().Remove("duration_ms");
            return node.ToJsonString();
        }));

    public static string Results(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node.Remove("timing");
        return node.ToJsonString();
    }
}
