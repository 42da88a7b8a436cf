using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ProgramOps.Web.Features.Events;

/// <summary>A new key as its integration must be told it: the id, and the secret that is shown only once.</summary>
public sealed record NewApiKey(string KeyId, string Secret, string ProtectedSecret);

/// <summary>
/// Makes API key secrets and keeps them protected at rest. The server must read a secret back to check an HMAC
/// signature, so it is encrypted with the data-protection keys (which all web nodes share) rather than hashed.
/// </summary>
public sealed class ApiKeySecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("ProgramOps.ApiKeys.v1");

    public NewApiKey Create()
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new NewApiKey("po_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), secret, protector.Protect(secret));
    }

    public byte[] Unprotect(string protectedSecret) => System.Text.Encoding.UTF8.GetBytes(protector.Unprotect(protectedSecret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
