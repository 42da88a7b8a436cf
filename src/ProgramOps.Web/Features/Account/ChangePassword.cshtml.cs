using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ProgramOps.Web.Features.Account;

public sealed class ChangePasswordModel(
    Db db, UserAccounts accounts, AuditTrail audit, TimeProvider time,
    IPasswordHasher<StaffUser> hasher, IStringLocalizer<AccountText> text) : PageModel
{
    public sealed record Command
    {
        public string CurrentPassword { get; init; } = "";
        public string NewPassword { get; init; } = "";
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(string userName, IStringLocalizer<AccountText> text)
        {
            RuleFor(c => c.NewPassword).MustBeAcceptablePassword(_ => userName, text)
                .NotEqual(c => c.CurrentPassword).WithMessage(_ => text["ChangePassword.SameAsOld"]);
            RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage(_ => text["ChangePassword.Mismatch"]);
        }
    }

    [BindProperty] public Command Input { get; set; } = new();

    public bool MustChange => User.HasClaim(ClaimNames.MustChangePassword, "true");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await accounts.FindByIdAsync(int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), ct);
        if (user is null) return Challenge();

        ModelState.AddFailures(await new Validator(user.UserName, text).ValidateAsync(Input, ct), nameof(Input));
        if (ModelState.IsValid && hasher.VerifyHashedPassword(user, user.PasswordHash, Input.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Command.CurrentPassword)}", text["ChangePassword.WrongCurrent"]);
        }

        if (!ModelState.IsValid)
        {
            Input = new Command();
            return Page();
        }

        var updated = user with
        {
            PasswordHash = hasher.HashPassword(user, Input.NewPassword),
            SecurityStamp = UserAccounts.NewSecurityStamp(),
            MustChangePassword = false,
        };
        await db.InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync(
                AccountSql.ChangePassword,
                new { updated.PasswordHash, updated.SecurityStamp, updated.UserName, updated.Id, now = time.GetUtcNow() }, t);
            await audit.RecordAsync(c, t, new AuditEntry("User", user.Id.ToString(), "PasswordChanged"));
        }, ct);

        // The stamp changed, so other sessions of this account end; this one continues with a fresh cookie.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffSignIn.PrincipalFor(updated));
        TempData["Flash"] = text["ChangePassword.Done"].Value;
        return Redirect("/");
    }
}
