using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ProgramOps.Web.Features.Account;

public sealed class LoginModel(StaffSignIn signIn, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await signIn.CheckAsync(UserName ?? "", Password ?? "", ClientAddress.Of(HttpContext), ct);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffSignIn.PrincipalFor(result.User!));
                if (result.User!.MustChangePassword) return RedirectToPage("/Account/ChangePassword");
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            default:
                // One answer for a wrong password, an unknown, locked or disabled account: the page tells nobody which.
                ModelState.AddModelError(string.Empty, text["Login.Refused"]);
                break;
        }

        Password = "";
        return Page();
    }
}
