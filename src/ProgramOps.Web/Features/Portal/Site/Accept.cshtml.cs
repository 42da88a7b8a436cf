using Microsoft.AspNetCore.Authentication;
using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Features.Portal.Site;

/// <summary>
/// The invitation link: the client user chooses a password (the staff password rules) and is signed in. The link
/// works once and until it expires; a used, expired or unknown link says so and sets nothing.
/// </summary>
public sealed class AcceptModel(PortalInvitations invitations, IStringLocalizer<AccountText> accountText) : PageModel
{
    public sealed record Command
    {
        public string NewPassword { get; init; } = "";
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(string email, IStringLocalizer<AccountText> text)
        {
            RuleFor(c => c.NewPassword).MustBeAcceptablePassword(_ => email, text, "ChangePassword.SameAsEmail");
            RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage(_ => text["ChangePassword.Mismatch"]);
        }
    }

    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public Command Input { get; set; } = new();

    public InvitationState State { get; private set; }
    public string Email { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => (State, Email) = await invitations.FindAsync(Token ?? "", ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        (State, Email) = await invitations.FindAsync(Token ?? "", ct);
        if (State != InvitationState.Open) return Page();
        ModelState.AddFailures(await new Validator(Email, accountText).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid)
        {
            Input = new Command();
            return Page();
        }

        var (state, user) = await invitations.AcceptAsync(Token!, Input.NewPassword, ct);
        State = state;
        if (user is null) return Page();
        await HttpContext.SignInAsync(AuthSchemes.Portal, PortalAccounts.PrincipalFor(user));
        return Redirect("/portal");
    }
}
