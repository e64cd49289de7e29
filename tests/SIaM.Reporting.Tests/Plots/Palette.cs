using SkiaSharp;

namespace SIaM.Reporting.Tests.Plots;

/// <summary>The first series colour of the charts (Category10 blue, #1f77b4).</summary>
internal static class Palette
{
    public static readonly SKColor First = new(0x1f, 0x77, 0xb4);
}
