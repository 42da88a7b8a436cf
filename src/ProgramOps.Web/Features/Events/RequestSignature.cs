using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProgramOps.Web.Features.Events;

/// <summary>
/// How an integration signs a request: HMAC-SHA256, keyed with its secret, over "{timestamp}.{body}", where the
/// timestamp is Unix seconds. A signature older or newer than <see cref="Window"/> is refused, so a captured
/// request cannot be replayed later; within the window, replays are harmless because events are idempotent.
/// </summary>
public static class RequestSignature
{
    public const string KeyHeader = "X-ProgramOps-Key";
    public const string TimestampHeader = "X-ProgramOps-Timestamp";
    public const string SignatureHeader = "X-ProgramOps-Signature";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string Compute(byte[] secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return "sha256=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    public static bool IsFresh(string? timestamp, DateTimeOffset now) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds > 0 && seconds < 253_402_300_799
        && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= Window;

    public static bool Matches(byte[] secret, string timestamp, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature.Trim()));
}
