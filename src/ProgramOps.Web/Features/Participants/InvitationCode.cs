using System.Security.Cryptography;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// The code a participant types into the base app to link it to their place in the program. Random, so it cannot
/// be guessed from another participant's; 12 characters of an alphabet without look-alikes (0/O, 1/I/L), read
/// aloud or typed from a letter without mistakes. 31¹² codes make a collision practically impossible.
/// </summary>
public static class InvitationCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 12;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>ABCD-EFGH-JKMN: how the code is printed for people.</summary>
    public static string Format(string code) => code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;
}
