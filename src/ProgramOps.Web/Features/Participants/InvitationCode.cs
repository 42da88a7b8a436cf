using System.Security.Cryptography;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// Makes the codes participants type into the base app to link it to their place in the program. Random, so no
/// code can be guessed from another; 12 characters of an alphabet without look-alikes (0/O, 1/I/L), read aloud
/// or typed from a letter without mistakes. 31¹² codes make a collision practically impossible.
/// </summary>
/// <remarks>
/// The random bytes are drawn 4 KiB at a time: a 100,000-row import makes 100,000 codes inside its transaction,
/// and one call to the random source per code (or per character, as RandomNumberGenerator.GetString makes) would
/// cost more than the inserts. One instance per import; not for use by several threads.
/// </remarks>
public sealed class InvitationCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 12;

    // The largest multiple of the alphabet's size up to 256: bytes from it up are skipped, so every character is equally likely.
    private const int Unbiased = 256 / 31 * 31;

    private readonly byte[] pool = new byte[4096];
    private int next = 4096;

    public string Next()
    {
        Span<char> code = stackalloc char[Length];
        for (var filled = 0; filled < Length;)
        {
            var b = NextByte();
            if (b < Unbiased) code[filled++] = Alphabet[b % Alphabet.Length];
        }

        return new string(code);
    }

    /// <summary>ABCD-EFGH-JKLM: how the code is printed for people.</summary>
    public static string Format(string code) => code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;

    private byte NextByte()
    {
        if (next == pool.Length)
        {
            RandomNumberGenerator.Fill(pool);
            next = 0;
        }

        return pool[next++];
    }
}
