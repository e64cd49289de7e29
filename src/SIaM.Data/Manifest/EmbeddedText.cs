namespace SIaM.Data;

internal static class EmbeddedText
{
    public static string Read(string name)
    {
        var resource = $"SIaM.Data.{name}";
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing from SIaM.Data");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
