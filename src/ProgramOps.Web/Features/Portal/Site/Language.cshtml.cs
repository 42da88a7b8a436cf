namespace ProgramOps.Web.Features.Portal.Site;

/// <summary>
/// The language switch of the portal's pages. It is the console's switch (the same cookie), posted here because the form's
/// anti-forgery token belongs to the portal session, which the staff page does not see.
/// </summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => Redirect("/portal");

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        Features.Account.LanguageModel.Remember(Response, culture);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith("/portal", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/portal");
    }
}
