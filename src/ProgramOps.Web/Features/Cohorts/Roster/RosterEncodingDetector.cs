using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>Tells UTF-8 from Shift_JIS (CP932) by the first chunk of a file, which is all that is buffered.</summary>
public static class RosterEncodingDetector
{
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// A byte order mark, or bytes that are strict UTF-8, mean UTF-8: Japanese text in CP932 is almost never valid
    /// UTF-8 too. Anything else is taken for CP932, the encoding Excel on Japanese Windows saves CSV files in.
    /// </summary>
    /// <param name="firstChunk">The start of the file.</param>
    /// <param name="isWholeFile">Whether the chunk is the whole file, so a sequence cut at its end is invalid.</param>
    public static RosterEncoding Detect(ReadOnlySpan<byte> firstChunk, bool isWholeFile)
    {
        if (firstChunk.StartsWith(Utf8Bom)) return RosterEncoding.Utf8;
        var chars = ArrayPool<char>.Shared.Rent(firstChunk.Length);
        try
        {
            var status = Utf8.ToUtf16(firstChunk, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: isWholeFile);
            return status == OperationStatus.InvalidData ? RosterEncoding.ShiftJis : RosterEncoding.Utf8;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The encoding for a detected or forced choice, throwing on bytes it cannot decode.</summary>
    public static Encoding StrictEncoding(RosterEncoding encoding) => encoding switch
    {
        RosterEncoding.Utf8 => StrictUtf8,
        RosterEncoding.ShiftJis => StrictShiftJis,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Detect the encoding first."),
    };

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding StrictShiftJis = CreateShiftJis();

    private static Encoding CreateShiftJis()
    {
        // .NET itself only knows the Unicode encodings; code page 932 comes from the framework's provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, new NecSelectedIbmExtensions());
    }
}
