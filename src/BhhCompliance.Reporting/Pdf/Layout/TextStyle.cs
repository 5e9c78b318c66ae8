using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Snippets.Font;

namespace BhhCompliance.Reporting.Pdf.Layout;

/// <summary>How a run of text looks: size in points, weight and colour.</summary>
public sealed record TextStyle(double Size, bool Bold = false, Ink? Colour = null)
{
    /// <summary>The line pitch: 125% of the size, which reads well for report text.</summary>
    public double LineHeight => Size * 1.25;

    public Ink Ink => Colour ?? Ink.Text;

    public XFont Font => ReportFonts.Get(Size, Bold);

    public TextStyle WithBold() => this with { Bold = true };
}

/// <summary>An RGB colour, so that layout and its tests do not depend on PDFsharp's types.</summary>
public readonly record struct Ink(byte Red, byte Green, byte Blue)
{
    public static readonly Ink Text = new(0x1F, 0x23, 0x28);
    public static readonly Ink Muted = new(0x5A, 0x63, 0x6E);
    public static readonly Ink Rule = new(0xC8, 0xCE, 0xD4);
    public static readonly Ink HeaderFill = new(0xE4, 0xE8, 0xEC);
    public static readonly Ink StripeFill = new(0xF5, 0xF7, 0xF8);
    public static readonly Ink White = new(0xFF, 0xFF, 0xFF);

    /// <summary>A pale version of the colour, a tenth of the way from white: the background behind the colour itself.</summary>
    public Ink Tint() =>
        new((byte)(255 - ((255 - Red) / 10)), (byte)(255 - ((255 - Green) / 10)), (byte)(255 - ((255 - Blue) / 10)));

    internal XColor ToXColor() => XColor.FromArgb(Red, Green, Blue);
}

/// <summary>
/// The fonts of the report: the Segoe WP family that PDFsharp's package carries, so the same
/// glyphs and metrics are used on every OS, with nothing installed. The font resolver is global
/// to PDFsharp and is set once per process.
/// </summary>
public static class ReportFonts
{
    public const string Family = "Segoe WP";

    private static readonly Lazy<bool> Registration = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<(double Size, bool Bold), XFont> Fonts = new();

    public static XFont Get(double size, bool bold) =>
        Fonts.GetOrAdd((size, bold), key =>
        {
            EnsureRegistered();
            return new XFont(Family, key.Size, key.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        });

    /// <summary>Chooses PDFsharp's AGPL licence and its embedded fonts, once per process.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    private static bool Register()
    {
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        if (GlobalFontSettings.FontResolver is not SegoeWpFontResolver)
        {
            GlobalFontSettings.FontResolver = new SegoeWpFontResolver();
        }

        return true;
    }
}
