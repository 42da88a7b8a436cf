using Microsoft.AspNetCore.Authentication.Cookies;

namespace ProgramOps.Web.Infrastructure.Auth;

/// <summary>
/// The two kinds of session: staff on the console, client users on the portal. Each policy names the one scheme it
/// accepts, so a principal of the other kind never satisfies it.
/// </summary>
public static class AuthSchemes
{
    public const string Staff = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Portal = "Portal";

    /// <summary>How the audit log names a client user (by e-mail): never mistaken for a staff user name.</summary>
    public static string PortalUserName(string email) => "portal:" + email;
}
