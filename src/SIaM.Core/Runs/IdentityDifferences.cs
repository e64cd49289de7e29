using System.Text.Json.Nodes;

namespace SIaM.Core.Runs;

/// <summary>Names the fields in which two <c>run.json</c> contents differ, as dotted paths (<c>spec.limit</c>, <c>shard.index</c>).</summary>
public static class IdentityDifferences
{
    /// <summary>The differing leaf fields (or whole values where one side is not an object), in ordinal key order.</summary>
    public static IEnumerable<string> Of(JsonObject a, JsonObject b, string prefix = "")
    {
        foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
        {
            var (x, y) = (a[key], b[key]);
            if (JsonNode.DeepEquals(x, y)) continue;
            if (x is JsonObject xo && y is JsonObject yo)
                foreach (var inner in Of(xo, yo, prefix + key + ".")) yield return inner;
            else yield return prefix + key;
        }
    }
}
