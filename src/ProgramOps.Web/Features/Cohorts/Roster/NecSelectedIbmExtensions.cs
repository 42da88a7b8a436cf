using System.Text;

namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>
/// Decodes the NEC-selected IBM extensions of CP932 (0xED40–0xEEFC: 髙, 﨑, 塚 … and small roman numerals), which
/// Windows reads and some HR systems write, but which .NET's code page 932 leaves undefined. They are the IBM
/// extensions (0xFA40–0xFC4B, which .NET decodes) at other codes, in the same order: each undefined pair is mapped
/// there. Any other byte that does not decode still fails the read, naming its place.
/// </summary>
public sealed class NecSelectedIbmExtensions : DecoderFallback
{
    private const int TrailsPerLead = 188;
    private const int Kanji = 360;

    private static readonly Dictionary<int, char> Characters = Build();

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

    /// <summary>The IBM extension code (lead byte × 256 + trail byte) a NEC-selected code stands for, or null.</summary>
    public static int? IbmCodeOf(byte lead, byte trail)
    {
        if (lead is not (0xED or 0xEE) || trail is < 0x40 or > 0xFC or 0x7F) return null;
        var index = (lead - 0xED) * TrailsPerLead + TrailIndex(trail);
        // ￢ is the one IBM extension .NET does not decode (0xFA54): it has the same character at 0x81CA.
        if (index == 372) return 0x81CA;
        int? ibmIndex = index switch
        {
            < Kanji => index + 28,                    // kanji: 0xFA5C on
            >= 362 and <= 371 => index - 362,         // ⅰ–ⅹ: 0xFA40–0xFA49
            >= 372 and <= 375 => index - 372 + 20,    // ￢ ￤ ＇ ＂: 0xFA54–0xFA57
            _ => null,                                // 0xEEED, 0xEEEE are not assigned
        };
        return ibmIndex is { } i ? ((0xFA + i / TrailsPerLead) << 8) | Trail(i % TrailsPerLead) : null;
    }

    private static int TrailIndex(byte trail) => trail < 0x7F ? trail - 0x40 : trail - 0x41;

    private static int Trail(int index) => index < 0x3F ? index + 0x40 : index + 0x41;

    private static Dictionary<int, char> Build()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var ibm = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var characters = new Dictionary<int, char>();
        foreach (var lead in new byte[] { 0xED, 0xEE })
        {
            for (var trail = 0x40; trail <= 0xFC; trail++)
            {
                if (IbmCodeOf(lead, (byte)trail) is { } code)
                    characters[(lead << 8) | trail] = ibm.GetChars([(byte)(code >> 8), (byte)code])[0];
            }
        }

        return characters;
    }

    private sealed class Buffer : DecoderFallbackBuffer
    {
        private char? next;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            if (bytesUnknown is [var lead, var trail] && Characters.TryGetValue((lead << 8) | trail, out var character))
            {
                next = character;
                return true;
            }

            throw new DecoderFallbackException($"Bytes {Convert.ToHexString(bytesUnknown)} at index {index} are not CP932.", bytesUnknown, index);
        }

        public override char GetNextChar()
        {
            if (next is not { } character) return '\0';
            next = null;
            return character;
        }

        public override bool MovePrevious() => false;

        public override int Remaining => next is null ? 0 : 1;

        public override void Reset() => next = null;
    }
}
