using System.Text.Json.Nodes;

namespace SIaM.IntegrationTests.EndToEnd;

/// <summary>results.json without its timing section, for comparing two runs byte for byte otherwise.</summary>
public static class Normalized
{
    public static string Results(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node.Remove("timing");
        return node.ToJsonString();
    }
}
