using Microsoft.AspNetCore.Localization;
using ProgramOps.Web.Infrastructure.Localization;

namespace ProgramOps.Web.Features.Account;

/// <summary>The language switch: remembers the choice in a cookie for a year.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        Remember(Response, culture);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>Keeps a supported language for a year; the client portal's switch (issue 14) keeps it the same way.</summary>
    public static void Remember(HttpResponse response, string culture)
    {
        if (LocalizationExtensions.SupportedCultures.Any(c => c.Name == culture))
        {
            response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
        }
    }
}
