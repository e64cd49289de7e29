using System.Text;
using System.Text.Json;
using SIaM.Tokenization.Pipeline;

namespace SIaM.Tokenization.Loading;

/// <summary>Builds normalizers, pre-tokenizers and decoders from their tokenizer.json objects.</summary>
internal sealed class ComponentReader(string file)
{
    public ITextNormalizer? Normalizer(JsonElement? e) => e is not { } n ? null : n.Type() switch
    {
        "Sequence" => new SequenceNormalizer(n.GetProperty("normalizers").EnumerateArray().Select(x => Normalizer(x)!).ToList()),
        "NFC" => new UnicodeNormalizer(NormalizationForm.FormC),
        "NFD" => new UnicodeNormalizer(NormalizationForm.FormD),
        "NFKC" => new UnicodeNormalizer(NormalizationForm.FormKC),
        "NFKD" => new UnicodeNormalizer(NormalizationForm.FormKD),
        "Prepend" => new PrependNormalizer(n.Str("prepend") ?? ""),
        "Replace" => Replace(n),
        "Lowercase" => new LowercaseNormalizer(),
        "Strip" => new StripNormalizer(n.Bool("strip_left"), n.Bool("strip_right")),
        var t => throw Unsupported.Feature(file, "normalizer", t, "Sequence, NFC, NFD, NFKC, NFKD, Prepend, Replace, Lowercase, Strip"),
    };

    public IPreTokenizer? PreTokenizer(JsonElement? e) => e is not { } p ? null : p.Type() switch
    {
        "Sequence" => new SequencePreTokenizer(p.GetProperty("pretokenizers").EnumerateArray().Select(x => PreTokenizer(x)!).ToList()),
        "ByteLevel" => new ByteLevelPreTokenizer(p.Bool("add_prefix_space"), p.Bool("use_regex", true)),
        "Split" => new SplitPreTokenizer(Pattern(p), Behavior(p.Str("behavior")), p.Bool("invert")),
        "Metaspace" => new MetaspacePreTokenizer(Replacement(p), PrependScheme(p), p.Bool("split", true)),
        "Digits" => new SplitPreTokenizer(new UnicodeRegex(p.Bool("individual_digits") ? @"\p{N}" : @"\p{N}+"), SplitBehavior.Isolated, false),
        var t => throw Unsupported.Feature(file, "pre_tokenizer", t, "Sequence, ByteLevel, Split, Metaspace, Digits"),
    };

    public ITokenDecoder? Decoder(JsonElement? e) => e is not { } d ? null : d.Type() switch
    {
        "Sequence" => new SequenceDecoder(d.GetProperty("decoders").EnumerateArray().Select(x => Decoder(x)!).ToList()),
        "ByteLevel" => new ByteLevelDecoder(),
        "Replace" => new ReplaceDecoder(LiteralPattern(d, "decoder Replace"), d.Str("content") ?? ""),
        "ByteFallback" => new ByteFallbackDecoder(),
        "Fuse" => new FuseDecoder(),
        "Strip" => new StripDecoder((d.Str("content") ?? " ")[0], d.Int("start"), d.Int("stop")),
        "Metaspace" => new MetaspaceDecoder(Replacement(d), PrependScheme(d) != "never"),
        var t => throw Unsupported.Feature(file, "decoder", t, "Sequence, ByteLevel, Replace, ByteFallback, Fuse, Strip, Metaspace"),
    };

    private ReplaceNormalizer Replace(JsonElement n)
    {
        var content = n.Str("content") ?? "";
        var pattern = n.GetProperty("pattern");
        return pattern.Str("String") is { } literal
            ? new ReplaceNormalizer(literal, null, content)
            : new ReplaceNormalizer(null, new UnicodeRegex(pattern.Str("Regex") ?? throw Missing("normalizer Replace pattern")), content);
    }

    private UnicodeRegex Pattern(JsonElement p)
    {
        var pattern = p.GetProperty("pattern");
        if (pattern.Str("String") is { } literal) return new UnicodeRegex(System.Text.RegularExpressions.Regex.Escape(literal));
        return new UnicodeRegex(pattern.Str("Regex") ?? throw Missing("pre_tokenizer Split pattern"));
    }

    private string LiteralPattern(JsonElement d, string what) =>
        d.GetProperty("pattern").Str("String") ?? throw Unsupported.Feature(file, what + " pattern", "Regex", "String");

    private SplitBehavior Behavior(string? value) => value switch
    {
        "Isolated" => SplitBehavior.Isolated,
        "Removed" => SplitBehavior.Removed,
        "MergedWithPrevious" => SplitBehavior.MergedWithPrevious,
        "MergedWithNext" => SplitBehavior.MergedWithNext,
        "Contiguous" => SplitBehavior.Contiguous,
        _ => throw Unsupported.Feature(file, "Split behavior", value ?? "(none)", "Isolated, Removed, MergedWithPrevious, MergedWithNext, Contiguous"),
    };

    private static char Replacement(JsonElement e) => (e.Str("replacement") ?? "▁")[0];

    // Older files carry add_prefix_space instead of prepend_scheme.
    private static string PrependScheme(JsonElement e) => e.Str("prepend_scheme") ?? (e.Bool("add_prefix_space", true) ? "always" : "never");

    private SIaM.Core.InputException Missing(string what) => new($"{file}: {what} is missing");
}
