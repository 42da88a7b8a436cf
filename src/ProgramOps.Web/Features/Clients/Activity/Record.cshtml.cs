namespace ProgramOps.Web.Features.Clients.Activity;

/// <summary>Records a meeting, call, e-mail or note with a client, naming the key persons involved.</summary>
[Authorize(Policy = Policies.EditClients)]
public sealed class RecordModel(
    Db db, ClientQueries clients, AuditTrail audit, ICurrentUser user, LocalClock clock, IStringLocalizer<ClientsText> text) : PageModel
{
    private const string SubmissionKind = "ClientActivity";

    [BindProperty] public ActivityInput Input { get; set; } = new();

    /// <summary>Made when the form is shown; a second post of the same form records nothing more.</summary>
    [BindProperty] public Guid SubmissionToken { get; set; }

    public string ClientName { get; private set; } = "";
    public IReadOnlyList<KeyPersonRow> KeyPersons { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(int clientId, int? keyPersonId, CancellationToken ct)
    {
        if (!await LoadAsync(clientId, ct)) return NotFound();
        SubmissionToken = Guid.NewGuid();
        Input = new ActivityInput
        {
            OccurredOn = Today,
            KeyPersonIds = keyPersonId is { } id && KeyPersons.Any(p => p.Id == id) ? [id] : [],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int clientId, CancellationToken ct)
    {
        if (!await LoadAsync(clientId, ct)) return NotFound();

        Input = Input.Normalized();
        ModelState.AddFailures(await new ActivityInputValidator(text, Today, [.. KeyPersons.Select(p => p.Id)]).ValidateAsync(Input, ct), nameof(Input));
        if (SubmissionToken == Guid.Empty) ModelState.AddModelError(string.Empty, text["Activity.FormExpired"]);
        if (!ModelState.IsValid) return Page();

        await db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, SubmissionToken, SubmissionKind) is not null) return;
            var now = clock.UtcNow;
            var id = await ClientActivityLog.AppendAsync(c, t, db.Dialect, Input.ToEntry(clientId), user.Id, user.UserName, now, ct);
            await FormSubmissions.RecordAsync(c, t, SubmissionToken, SubmissionKind, id!.Value, now);
            var named = KeyPersons.Where(p => Input.KeyPersonIds.Contains(p.Id)).Select(p => p.Name);
            await audit.RecordAsync(c, t, new AuditEntry("Client", clientId.ToString(), "ActivityRecorded",
                $"#{id} {Input.Kind} {Input.OccurredOn:yyyy-MM-dd} {string.Join(", ", named)}".TrimEnd()));
        }, ct);

        TempData["Flash"] = text["Activity.Recorded"].Value;
        return RedirectToPage("/Clients/Details", null, new { id = clientId }, "activity");
    }

    private async Task<bool> LoadAsync(int clientId, CancellationToken ct)
    {
        var client = await clients.FindAsync(clientId, ct);
        if (client is null) return false;
        ClientName = client.Name;
        KeyPersons = await clients.KeyPersonsAsync(clientId, ct);
        return true;
    }
}
