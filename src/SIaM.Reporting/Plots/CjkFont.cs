namespace SIaM.Reporting.Plots;

/// <summary>
/// Registers a CJK font with ScottPlot from its file (its bundled Skia natives do not look fonts up through
/// fontconfig), so Chinese benchmark names render as text rather than empty boxes.
/// </summary>
public static class CjkFont
{
    /// <summary>The family name plots are drawn with once registered.</summary>
    public const string Family = "WenQuanYi Micro Hei";

    /// <summary>Where Debian's <c>fonts-wqy-microhei</c> puts the font.</summary>
    public const string DebianPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static readonly Lazy<bool> Registered = new(() =>
    {
        var path = Environment.GetEnvironmentVariable("SIAM_CJK_FONT") ?? DebianPath;
        if (!File.Exists(path)) return false;
        ScottPlot.Fonts.AddFontFile(Family, path);
        return true;
    });

    /// <summary>Registers the font once; false when no font file is installed (plots then fall back to the default font).</summary>
    public static bool EnsureRegistered() => Registered.Value;
}
