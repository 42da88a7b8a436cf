using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Features.Admin.Users;

/// <summary>
/// One staff account: profile and roles, disable/enable, password reset, unlock. Every change that
/// affects sign-in renews the security stamp, so it applies on the user's next request.
/// </summary>
public sealed class EditModel(
    Db db, UserAccounts accounts, AuditTrail audit, ICurrentUser user, TimeProvider time, IPasswordHasher<StaffUser> hasher,
    IStringLocalizer<AdminText> text, IStringLocalizer<AccountText> accountText) : PageModel
{
    [BindProperty] public UserInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string NewPassword { get; set; } = "";

    public StaffUser Account { get; private set; } = null!;
    public bool IsLocked => Account.LockoutEndsAt > time.GetUtcNow();
    public bool IsSelf => Account.Id.ToString() == User.FindFirstValue(ClaimTypes.NameIdentifier);
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (Input, Version) = (UserInput.From(Account), Account.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = Input.Normalized();
        ModelState.AddFailures(await new UserInputValidator(text).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid) return Page();

        var before = UserInput.From(Account);
        var losesAdmin = Account.Roles.Contains(Roles.Admin) && !Input.Roles.Contains(Roles.Admin);
        return await WriteAsync(id, text["Users.Saved", Account.UserName], async (c, t) =>
        {
            if (losesAdmin && await c.ExecuteScalarAsync<int>(UsersSql.OtherActiveAdmins, new { Id = id }, t) == 0) return Refused(text["Users.LastAdmin"]);
            var stamp = before.HasSameRolesAs(Input) ? Account.SecurityStamp : UserAccounts.NewSecurityStamp();
            if (!await AccountChanges.UpdateProfileAsync(c, t, Change(id), Input.DisplayName, Input.Email, stamp, ct)) return Conflicted;
            await UserAccounts.ReplaceRolesAsync(c, t, id, Input.Roles);
            await audit.RecordAsync(c, t, new AuditEntry("User", id.ToString(), "Updated", Account.UserName, ChangeSet.Between(before, Input)));
            return Done;
        }, ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (IsSelf) return Refuse(text["Users.CannotDisableSelf"]);

        return await WriteAsync(id, text["Users.Disabled", Account.UserName], async (c, t) =>
        {
            if (Account.Roles.Contains(Roles.Admin) && await c.ExecuteScalarAsync<int>(UsersSql.OtherActiveAdmins, new { Id = id }, t) == 0) return Refused(text["Users.LastAdmin"]);
            return await SetDisabledAsync(c, t, id, true, ct);
        }, ct);
    }

    public async Task<IActionResult> OnPostEnableAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await WriteAsync(id, text["Users.Enabled", Account.UserName], (c, t) => SetDisabledAsync(c, t, id, false, ct), ct);
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var rules = new InlineValidator<string>();
        rules.RuleFor(p => p).MustBeAcceptablePassword(_ => Account.UserName, accountText);
        var result = await rules.ValidateAsync(NewPassword ?? "", ct);
        if (!result.IsValid) return Refuse(result.Errors[0].ErrorMessage, nameof(NewPassword));

        var hash = hasher.HashPassword(Account, NewPassword!);
        return await WriteAsync(id, text["Users.PasswordReset", Account.UserName], async (c, t) =>
        {
            if (!await AccountChanges.ResetPasswordAsync(c, t, db.Dialect, Change(id), hash, ct)) return Conflicted;
            await audit.RecordAsync(c, t, new AuditEntry("User", id.ToString(), "PasswordReset", Account.UserName,
                Changed("MustChangePassword", Account.MustChangePassword, true)));
            return Done;
        }, ct);
    }

    public async Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await WriteAsync(id, text["Users.Unlocked", Account.UserName], async (c, t) =>
        {
            if (!await AccountChanges.UnlockAsync(c, t, db.Dialect, Change(id), ct)) return Conflicted;
            await audit.RecordAsync(c, t, new AuditEntry("User", id.ToString(), "Unlocked", Account.UserName,
                Changed("Locked", IsLocked, false)));
            return Done;
        }, ct);
    }

    private async Task<StepResult> SetDisabledAsync(DbConnection c, DbTransaction t, int id, bool disabled, CancellationToken ct)
    {
        if (!await AccountChanges.SetDisabledAsync(c, t, Change(id), disabled, ct)) return Conflicted;
        await audit.RecordAsync(c, t, new AuditEntry("User", id.ToString(), disabled ? "Disabled" : "Enabled", Account.UserName,
            Changed("IsDisabled", Account.IsDisabled, disabled)));
        return Done;
    }

    /// <summary>What one write step came to: done, someone saved first, or refused with a reason.</summary>
    private sealed record StepResult(bool LostRace = false, string? Refusal = null);

    private static readonly StepResult Done = new();
    private static readonly StepResult Conflicted = new(LostRace: true);

    private static StepResult Refused(string reason) => new(Refusal: reason);

    /// <summary>Runs one write step in a transaction and turns its answer into the page's response.</summary>
    private async Task<IActionResult> WriteAsync(int id, string doneMessage, Func<DbConnection, DbTransaction, Task<StepResult>> step, CancellationToken ct)
    {
        var answer = await db.InTransactionAsync(step, ct);
        if (answer.Refusal is not null) return Refuse(answer.Refusal);
        if (!answer.LostRace)
        {
            TempData["Flash"] = doneMessage;
            return RedirectToPage(new { id });
        }

        Conflict = await ConcurrencyConflict.FindAsync(db, UsersSql.LastChange, id, ct);
        return Page();
    }

    private static Dictionary<string, FieldChange> Changed(string field, bool before, bool after) =>
        new() { [field] = new FieldChange(before ? "True" : "False", after ? "True" : "False") };

    private PageResult Refuse(string reason, string field = "")
    {
        ModelState.AddModelError(field, reason);
        if (string.IsNullOrEmpty(Input.DisplayName)) Input = UserInput.From(Account);
        NewPassword = "";
        return Page();
    }

    private AccountChange Change(int id) => new(id, Version, time.GetUtcNow(), user.UserName);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var account = await accounts.FindByIdAsync(id, ct);
        if (account is null) return false;
        Account = account;
        return true;
    }
}
