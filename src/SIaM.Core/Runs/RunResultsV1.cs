using System.Text.Json;
using System.Text.Json.Nodes;

namespace SIaM.Core.Runs;

/// <summary>Reads <c>results.json</c> of schema version 1 (harness before identity v2) into the current shape.</summary>
internal static class RunResultsV1
{
    /// <summary>The version-1 document rewritten as version 2.</summary>
    public static JsonElement Upgrade(JsonElement v1)
    {
        var root = JsonNode.Parse(v1.GetRawText())!.AsObject();
        var (missing, failed, sandboxFailed) = (0, 0, 0);
        foreach (var (_, node) in root["benchmarks"]!.AsObject())
        {
            var b = node!.AsObject();
            var samplesPerProblem = b["n"]!.GetValue<int>() == 0 ? 1 : b["samples"]!.GetValue<int>() / b["n"]!.GetValue<int>();
            var passAt = new JsonObject();
            if (b["pass_at_k"] is JsonValue any) passAt[samplesPerProblem.ToString(System.Globalization.CultureInfo.InvariantCulture)] = any.GetValue<double>();
            b.Remove("pass_at_k");
            b.Insert(b.IndexOf("standard_error") + 1, "pass_at", passAt);
            b.Insert(b.IndexOf("pass_at") + 1, "maj_at", new JsonObject());
            missing += b["missing"]!.GetValue<int>();
            failed += b["errors"]!.GetValue<int>();
            sandboxFailed += b["sandbox_failures"]!.GetValue<int>();
        }
        var remaining = new RemainingSamples(missing, failed, sandboxFailed);
        root["status"] = RunStatus.Of(remaining);
        root.Insert(root.IndexOf("status") + 1, "remaining", JsonSerializer.SerializeToNode(remaining, JsonFormat.Document));
        var provenance = root["provenance"]!.AsObject();
        provenance["grader_version"] ??= "unknown (schema 1)";
        return JsonSerializer.SerializeToElement(root);
    }
}
