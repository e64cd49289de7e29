namespace SIaM.Training.Tokenizers;

/// <summary>GPT-2's printable stand-ins for the 256 byte values (the alphabet of byte-level BPE).</summary>
internal static class ByteLevelAlphabet
{
    public static IReadOnlyList<string> Symbols { get; } = Build();

    private static string[] Build()
    {
        var symbols = new string[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= 33 and <= 126 or >= 161 and <= 172 or >= 174 and <= 255;
            symbols[b] = ((char)(printable ? b : next++)).ToString();
        }
        return symbols;
    }

    public static IEnumerable<string> Encode(string text) => System.Text.Encoding.UTF8.GetBytes(text).Select(b => Symbols[b]);
}
