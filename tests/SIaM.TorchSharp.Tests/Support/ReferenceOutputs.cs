using System.Text.Json;

namespace SIaM.TorchSharp.Tests.Support;

/// <summary>The <c>derived</c> section of tiny-random-llama/reference_outputs.json.</summary>
internal static class ReferenceOutputs
{
    public sealed record Case(int[] Prompt, int[] Greedy10);

    public static IReadOnlyList<Case> Derived()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.TinyLlama, "reference_outputs.json")));
        return document.RootElement.GetProperty("derived").EnumerateObject()
            .Select(p => new Case(Ints(p.Value.GetProperty("prompt")), Ints(p.Value.GetProperty("greedy_10"))))
            .ToList();
    }

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();
}
