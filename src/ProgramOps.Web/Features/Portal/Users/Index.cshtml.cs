using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Portal.Users;

/// <summary>
/// A client's portal users, as staff see them: invite (the link is shown once, to send to the person), a new link,
/// disable or enable, and who may hold the invitation codes. Everyone who reads clients sees the list; BizDev and
/// admins, who keep the client's contacts, change it.
/// </summary>
public sealed class IndexModel(Db db, ClientQueries clients, PortalInvitations invitations, PortalUserChanges changes, IStringLocalizer<PortalText> text) : PageModel
{
    public sealed record Row
    {
        public required PortalUser User { get; init; }
        public DateTimeOffset? LinkExpiresAt { get; init; }
        public DateTimeOffset? LinkUsedAt { get; init; }
    }

    private sealed class LatestInvitation
    {
        public int PortalUserId { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? UsedAt { get; init; }
    }

    public sealed record Command
    {
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public bool MayHoldCodes { get; init; }
    }

    public sealed class Validator : FormValidator<Command>
    {
        public Validator(IStringLocalizer<PortalText> text) : base(text, "Users.")
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => text["Users.EmailRequired"])
                .Must(e => EmailAddress.IsValid(e ?? "")).WithMessage(_ => text["Users.EmailInvalid"]);
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage(_ => text["Users.NameRequired"])
                .MaximumLength(200).WithMessage(_ => text["Users.NameTooLong", 200]).WithName(text["Users.Name"]);
        }
    }

    public int ClientId { get; private set; }
    public string ClientName { get; private set; } = "";
    public IReadOnlyList<Row> Users { get; private set; } = [];
    public string? NewLink { get; private set; }
    public string? NewLinkFor { get; private set; }
    public ConcurrencyConflict? Conflict { get; private set; }

    [BindProperty] public Command Input { get; set; } = new();
    [BindProperty] public Guid SubmissionToken { get; set; }

    public async Task<IActionResult> OnGetAsync(int clientId, CancellationToken ct)
    {
        SubmissionToken = Guid.NewGuid();
        return await LoadAsync(clientId, ct) ? Page() : NotFound();
    }

    [HandlerPolicy(Policies.EditContracts)]
    public async Task<IActionResult> OnPostInviteAsync(int clientId, CancellationToken ct)
    {
        if (!await LoadAsync(clientId, ct)) return NotFound();
        Input = Input with { Email = (Input.Email ?? "").Trim(), DisplayName = (Input.DisplayName ?? "").Trim() };
        ModelState.AddFailures(await new Validator(text).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid) return Page();

        var (result, token) = await invitations.InviteAsync(clientId, Input.Email, Input.DisplayName, Input.MayHoldCodes, SubmissionToken, ct);
        switch (result)
        {
            case InviteResult.EmailTaken:
                ModelState.AddFieldError($"{nameof(Input)}.{nameof(Command.Email)}", text["Users.Email"], text["Users.EmailTaken"]);
                return Page();
            case InviteResult.AlreadySubmitted:
                // The first post showed the link; a repeat makes no second account and cannot show the link again.
                TempData["Flash"] = text["Users.AlreadyInvited"].Value;
                return RedirectToPage(new { clientId });
        }

        return await ShowLinkAsync(clientId, Input.Email, token!, ct);
    }

    [HandlerPolicy(Policies.EditContracts)]
    public async Task<IActionResult> OnPostReinviteAsync(int clientId, int id, CancellationToken ct)
    {
        if (await invitations.ReinviteAsync(clientId, id, ct) is not { } token) return NotFound();
        if (!await LoadAsync(clientId, ct)) return NotFound();
        return await ShowLinkAsync(clientId, Users.Single(u => u.User.Id == id).User.Email, token, ct);
    }

    [HandlerPolicy(Policies.EditContracts)]
    public Task<IActionResult> OnPostDisableAsync(int clientId, int id, int version, CancellationToken ct) =>
        ChangeAsync(clientId, id, changes.SetDisabledAsync(clientId, id, version, disabled: true, ct), "Users.Disabled", ct);

    [HandlerPolicy(Policies.EditContracts)]
    public Task<IActionResult> OnPostEnableAsync(int clientId, int id, int version, CancellationToken ct) =>
        ChangeAsync(clientId, id, changes.SetDisabledAsync(clientId, id, version, disabled: false, ct), "Users.Enabled", ct);

    [HandlerPolicy(Policies.EditContracts)]
    public Task<IActionResult> OnPostCodesAsync(int clientId, int id, int version, bool allowed, CancellationToken ct) =>
        ChangeAsync(clientId, id, changes.SetMayHoldCodesAsync(clientId, id, version, allowed, ct), allowed ? "Users.CodesAllowed" : "Users.CodesRefused", ct);

    private async Task<IActionResult> ChangeAsync(int clientId, int id, Task<bool> change, string done, CancellationToken ct)
    {
        if (await change)
        {
            TempData["Flash"] = text[done].Value;
            return RedirectToPage(new { clientId });
        }

        if (!await LoadAsync(clientId, ct) || Users.All(u => u.User.Id != id)) return NotFound();
        SubmissionToken = Guid.NewGuid();
        Conflict = await ConcurrencyConflict.FindAsync(db, PortalSql.LastChange, id, ct);
        return Page();
    }

    private async Task<IActionResult> ShowLinkAsync(int clientId, string email, string token, CancellationToken ct)
    {
        NewLink = $"{Request.Scheme}://{Request.Host}/portal/accept?token={Uri.EscapeDataString(token)}";
        NewLinkFor = email;
        Input = new Command();
        ModelState.Clear();
        SubmissionToken = Guid.NewGuid();
        await LoadAsync(clientId, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int clientId, CancellationToken ct)
    {
        var client = await clients.FindAsync(clientId, ct);
        if (client is null) return false;
        ClientId = clientId;
        ClientName = client.Name;
        await using var c = await db.OpenAsync(ct);
        var users = await c.QueryAsync<PortalUser>(new CommandDefinition(PortalSql.UsersOfClient, new { ClientId = clientId }, cancellationToken: ct));
        var links = (await c.QueryAsync<LatestInvitation>(new CommandDefinition(PortalSql.LatestInvitations, new { ClientId = clientId }, cancellationToken: ct)))
            .ToDictionary(i => i.PortalUserId);
        Users = [.. users.Select(u => new Row
        {
            User = u, LinkExpiresAt = links.GetValueOrDefault(u.Id)?.ExpiresAt, LinkUsedAt = links.GetValueOrDefault(u.Id)?.UsedAt,
        })];
        return true;
    }
}
