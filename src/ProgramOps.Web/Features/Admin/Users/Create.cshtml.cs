using Microsoft.AspNetCore.Identity;
using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Features.Admin.Users;

/// <summary>A new staff account with a temporary password that must be changed at first sign-in.</summary>
public sealed class CreateModel(
    Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IPasswordHasher<StaffUser> hasher,
    IStringLocalizer<AdminText> text, IStringLocalizer<AccountText> accountText) : PageModel
{
    public sealed class Validator : FormValidator<CreateModel>
    {
        public Validator(IStringLocalizer<AdminText> text, IStringLocalizer<AccountText> accountText) : base(text, "Users.")
        {
            RuleFor(m => m.UserName).NotEmpty().WithMessage(_ => text["Users.UserNameRequired"])
                .Matches("^[a-zA-Z0-9][a-zA-Z0-9._-]{1,49}$").WithMessage(_ => text["Users.UserNameFormat"]);
            RuleFor(m => m.Password).MustBeAcceptablePassword(m => m.UserName, accountText).WithName(text["Users.TemporaryPassword"]);
            RuleFor(m => m.Input).SetValidator(new UserInputValidator(text));
        }
    }

    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public UserInput Input { get; set; } = new() { Roles = [Roles.Viewer] };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        UserName = (UserName ?? "").Trim();
        Input = Input.Normalized();
        foreach (var failure in (await new Validator(text, accountText).ValidateAsync(this, ct)).Errors)
        {
            ModelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
        }

        if (!ModelState.IsValid) return Page();

        var staff = new StaffUser
        {
            UserName = UserName, DisplayName = Input.DisplayName, Email = Input.Email, PasswordHash = "",
            SecurityStamp = UserAccounts.NewSecurityStamp(), MustChangePassword = true, Roles = Input.Roles,
        };
        staff = staff with { PasswordHash = hasher.HashPassword(staff, Password) };

        // The unique index decides between two simultaneous creates (or a double-submitted form).
        var id = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<int>(UsersSql.UserNameTaken, new { UserName }, t) > 0) return 0;
            var newId = await UserAccounts.InsertAsync(c, t, db.Dialect, staff, time.GetUtcNow(), user.UserName);
            await audit.RecordAsync(c, t, new AuditEntry("User", newId.ToString(), "Created", UserName, ChangeSet.Between(null, Input)));
            return newId;
        }, ct);

        if (id == 0)
        {
            ModelState.AddFieldError(nameof(UserName), text["Users.UserName"], text["Users.UserNameTaken", UserName]);
            Password = "";
            return Page();
        }

        TempData["Flash"] = text["Users.Created", UserName].Value;
        return RedirectToPage("/Admin/Users/Edit", new { id });
    }
}
