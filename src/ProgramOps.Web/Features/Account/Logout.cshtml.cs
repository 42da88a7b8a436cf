using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ProgramOps.Web.Features.Account;

/// <summary>
/// Signs out on the server, not only in this browser: the user's security stamp changes, so a copy of the
/// cookie (taken from this or any other browser of theirs) is refused on its next request.
/// </summary>
public sealed class LogoutModel(Db db, AuditTrail audit, ICurrentUser user) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (user.Id is { } id)
        {
            await db.InTransactionAsync(async (c, t) =>
            {
                await c.ExecuteAsync(AccountSql.RotateSecurityStamp, new { Id = id, SecurityStamp = UserAccounts.NewSecurityStamp() }, t);
                await audit.RecordAsync(c, t, new AuditEntry("User", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "SignedOut"));
            }, ct);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Account/Login");
    }
}
