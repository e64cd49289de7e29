using System.Text.Json;

namespace SIaM.TorchSharp.Tests.Support;

/// <summary>tiny-random-qwen2/reference_outputs.json: per prompt (p0, p1, p2) its ids and 8-token greedy continuation.</summary>
internal static class Qwen2ReferenceOutputs
{
    public sealed record Case(string Name, int[] Prompt, int[] Greedy8);

    public static IReadOnlyList<Case> All()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.TinyQwen2, "reference_outputs.json")));
        return document.RootElement.EnumerateObject()
            .Select(p => new Case(p.Name, Ints(p.Value.GetProperty("input_ids")), Ints(p.Value.GetProperty("greedy_8"))))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();
}
