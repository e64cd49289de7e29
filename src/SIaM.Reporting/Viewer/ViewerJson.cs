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

    /// <summary>Gzip (optimal, no timestamp: the same text gives the same bytes) in base64.</summary>
    public static string Gzip(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(json));
        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <summary>The value as JSON with every <c>&lt;</c> escaped, so no text can close the script element.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options).Replace("<", "\\u003c", StringComparison.Ordinal);
}
