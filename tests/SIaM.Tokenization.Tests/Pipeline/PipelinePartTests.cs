using SIaM.Tokenization.Pipeline;

namespace SIaM.Tokenization.Tests.Pipeline;

/// <summary>Pipeline parts whose behaviour the golden vectors do not pin down on their own.</summary>
public sealed class PipelinePartTests
{
    [Test]
    public void A_supplementary_letter_counts_as_a_letter_in_a_pre_tokenizer_regex()
    {
        // Arrange: 𝑥 (U+1D465) is \p{L} as a code point, but two surrogates in UTF-16
        var regex = new UnicodeRegex(@" ?\p{L}+| ?[^\s\p{L}\p{N}]+|\s+");

        // Act
        var pieces = regex.Matches(" 𝑥𝑦+1 🦙!").Select(m => " 𝑥𝑦+1 🦙!".Substring(m.Start, m.Length)).ToList();

        // Assert
        Assert.That(pieces, Is.EqualTo(new[] { " 𝑥𝑦", "+", " 🦙!" }));
    }

    [TestCase("Isolated", new[] { "▁", "▁", "a", "▁", "b" })]
    [TestCase("Removed", new[] { "a", "b" })]
    [TestCase("MergedWithNext", new[] { "▁", "▁a", "▁b" })]
    [TestCase("MergedWithPrevious", new[] { "▁", "▁", "a▁", "b" })]
    [TestCase("Contiguous", new[] { "▁▁", "a", "▁", "b" })]
    public void Split_behaviours_match_the_tokenizers_library(string behavior, string[] expected)
    {
        // Arrange
        var split = new SplitPreTokenizer(new UnicodeRegex("▁"), Enum.Parse<SplitBehavior>(behavior), invert: false);

        // Act
        var pieces = split.Split(new Piece("▁▁a▁b", true)).Select(p => p.Text);

        // Assert
        Assert.That(pieces, Is.EqualTo(expected));
    }

    [Test]
    public void Metaspace_prepends_only_at_the_start_of_the_text_with_scheme_first()
    {
        // Arrange
        var metaspace = new MetaspacePreTokenizer('▁', "first", split: true);

        // Act
        var first = metaspace.Split(new Piece("Hello world", true)).Select(p => p.Text);
        var later = metaspace.Split(new Piece("Hello world", false)).Select(p => p.Text);

        // Assert
        Assert.That(first, Is.EqualTo(new[] { "▁Hello", "▁world" }));
        Assert.That(later, Is.EqualTo(new[] { "Hello", "▁world" }));
    }

    [Test]
    public void Added_tokens_absorb_whitespace_with_lstrip_and_rstrip()
    {
        // Arrange
        var splitter = new AddedTokenSplitter([new AddedToken(7, "<mask>", true, false, LeftStrip: true, RightStrip: true, false)]);

        // Act
        var segments = splitter.Split("a  <mask>  b", true).Select(s => s.TokenId?.ToString() ?? s.Text);

        // Assert
        Assert.That(segments, Is.EqualTo(new[] { "a", "7", "b" }));
    }

    [Test]
    public void The_longest_added_token_wins_at_the_same_position()
    {
        // Arrange
        var splitter = new AddedTokenSplitter(
        [
            new AddedToken(1, "<|a", true, false, false, false, false),
            new AddedToken(2, "<|a|>", true, false, false, false, false),
        ]);

        // Act
        var segments = splitter.Split("x<|a|>y", true).Select(s => s.TokenId?.ToString() ?? s.Text);

        // Assert
        Assert.That(segments, Is.EqualTo(new[] { "x", "2", "y" }));
    }

    [Test]
    public void Invalid_byte_fallback_runs_become_one_replacement_char_per_byte()
    {
        // Arrange
        var decoder = new ByteFallbackDecoder();

        // Act
        var tokens = decoder.Decode(["<0xE4>", "<0xB8>", "a", "<0xE4>", "<0xB8>", "<0x80>"]);

        // Assert
        Assert.That(tokens, Is.EqualTo(new[] { "\uFFFD", "\uFFFD", "a", "一" }));
    }
}
