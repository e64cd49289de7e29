using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SIaM.Backends;

/// <summary>Renders JSON for HTTP bodies without HTML-safety escapes, so that bodies stay readable (<c>'</c>, <c>+</c>, backticks, CJK).</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node) => node.ToJsonString(Relaxed);
}
