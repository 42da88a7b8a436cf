using System.Security.Cryptography;
using System.Text;

namespace ProgramOps.Web.Features.Portal;

/// <summary>
/// The secret of an invitation link: 32 random bytes, URL-safe. Only its SHA-256 is stored, so a copy of the database
/// opens no account. No I/O.
/// </summary>
public static class InvitationTokens
{
    /// <summary>How long a link works unless staff say otherwise.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    public static string New() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
