using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace ProgramOps.Web.Features.Portal.Site;

/// <summary>Signs a client user out on the server too: the account's stamp changes, so a copied cookie stops working.</summary>
public sealed class SignOutModel(PortalSignIn signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/portal");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (int.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            await signIn.SignOutAsync(id, User.Identity?.Name ?? "", ct);
        await HttpContext.SignOutAsync(AuthSchemes.Portal);
        return Redirect("/portal/sign-in");
    }
}
