using Microsoft.AspNetCore.Authentication;
using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Features.Portal.Site;

/// <summary>Client users sign in here, on the portal's own cookie; staff sign in on the console's page.</summary>
public sealed class SignInModel(PortalSignIn signIn, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (outcome, user) = await signIn.CheckAsync(Email ?? "", Password ?? "", ClientAddress.Of(HttpContext), ct);
        if (outcome == SignInOutcome.SignedIn)
        {
            await HttpContext.SignInAsync(AuthSchemes.Portal, PortalAccounts.PrincipalFor(user!));
            return LocalRedirect(IsPortalUrl(ReturnUrl) ? ReturnUrl! : "/portal");
        }

        // One answer for a wrong password, an unknown, locked, disabled or churned account: the page tells nobody which.
        ModelState.AddModelError(string.Empty, text["SignIn.Refused"]);
        Password = "";
        return Page();
    }

    /// <summary>A client user is sent back only into the portal, never to a staff page.</summary>
    private bool IsPortalUrl(string? url) => Url.IsLocalUrl(url) && url!.StartsWith("/portal", StringComparison.OrdinalIgnoreCase);
}
