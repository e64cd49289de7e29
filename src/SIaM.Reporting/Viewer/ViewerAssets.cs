namespace SIaM.Reporting.Viewer;

/// <summary>The viewer's script and style sheet, embedded in this assembly (<c>Viewer/viewer.js</c>, <c>Viewer/viewer.css</c>).</summary>
public static class ViewerAssets
{
    /// <summary>The script, inlined into every report.</summary>
    public static string Script { get; } = Read("viewer.js");

    /// <summary>The style sheet.</summary>
    public static string Css { get; } = Read("viewer.css");

    private static string Read(string name)
    {
        using var stream = typeof(ViewerAssets).Assembly.GetManifestResourceStream($"SIaM.Reporting.Viewer.{name}")
                           ?? throw new InvalidOperationException($"resource {name} missing from SIaM.Reporting");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
