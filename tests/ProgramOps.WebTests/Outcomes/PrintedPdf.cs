using System.Text;

namespace ProgramOps.WebTests.Outcomes;

/// <summary>What a PDF printed by chromium embeds, read from its font dictionaries (chromium writes them uncompressed).</summary>
internal static class PrintedPdf
{
    /// <summary>
    /// The PDF's Japanese is text in an embedded subset of BIZ UD Gothic (<paramref name="font"/>, e.g. BIZUDPGothic),
    /// not glyphs drawn one by one as Type 3 fonts, which made prints twice as slow and large.
    /// </summary>
    public static void AssertJapaneseEmbeddedAsText(byte[] pdf, string font)
    {
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF", text);
        Assert.DoesNotContain("/Subtype /Type3", text);
        Assert.Contains($"+{font}-Regular", text);
    }
}
