namespace SIaM.Tokenization.Loading;

/// <summary>Errors for tokenizer.json features this loader does not implement; each names the feature and the file.</summary>
internal static class Unsupported
{
    public static SIaM.Core.InputException Feature(string file, string what, string value, string supported) =>
        new($"{file}: unsupported {what} '{value}' (supported: {supported})");
}
