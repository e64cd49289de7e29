using System.Text.Json.Nodes;
using SIaM.Core.Prompts;
using SIaM.Critique.Prompts;

namespace SIaM.Critique.Critics;

/// <summary>Builds a model critic's identity: everything its verdicts depend on.</summary>
public static class CriticIdentity
{
    /// <summary>The identity of a model critic reading <paramref name="model"/> in <paramref name="kind"/> mode.</summary>
    public static JsonObject Of(string kind, string model, CriticOptions options)
    {
        var identity = Common(kind, model, options);
        if (options.Format == CriticFormat.Compact) identity["compact_prompt_hash"] = CriticPrompt.CompactHash;
        return identity;
    }

    private static JsonObject Common(string kind, string model, CriticOptions options) => new()
    {
        ["kind"] = kind,
        ["model"] = model,
        ["format"] = options.Format.ToString().ToLowerInvariant(),
        ["few_shot"] = options.FewShot,
        ["threshold"] = options.Threshold,
        ["prompt_template_hashes"] = new JsonObject(CriticTemplates.All.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Hash)))),
    };

    /// <summary>A short id of an identity (12 hex digits).</summary>
    public static string ShortId(JsonObject identity) => Sha256.Hex(identity.ToJsonString())[..12];
}
