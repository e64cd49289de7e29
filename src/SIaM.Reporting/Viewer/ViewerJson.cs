using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SIaM.Reporting.Viewer;

/// <summary>JSON for the page's data blocks: short names, nulls left out, readable Chinese, and safe inside a script element.</summary>
public static class ViewerJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The value as JSON with every <c>&lt;</c> escaped, so no text can close the script element.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options).Replace("<", "\\u003c", StringComparison.Ordinal);
}
