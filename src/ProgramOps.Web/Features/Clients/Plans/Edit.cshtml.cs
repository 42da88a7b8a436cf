namespace ProgramOps.Web.Features.Clients.Plans;

/// <summary>Makes or edits a client's account plan, with optimistic concurrency, audited field by field.</summary>
[Authorize(Policy = Policies.EditClients)]
public sealed class EditModel(Db db, ClientQueries clients, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<ClientsText> text) : PageModel
{
    [BindProperty] public AccountPlanInput Input { get; set; } = new();

    /// <summary>The plan's version the form was loaded at; 0 when the client has none yet.</summary>
    [BindProperty] public int Version { get; set; }

    public string ClientName { get; private set; } = "";
    public IReadOnlyList<KeyPersonRow> KeyPersons { get; private set; } = [];
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int clientId, CancellationToken ct)
    {
        var (found, plan) = await LoadAsync(clientId, ct);
        if (!found) return NotFound();
        if (plan is not null) (Input, Version) = (AccountPlanInput.From(plan), plan.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int clientId, CancellationToken ct)
    {
        var (found, before) = await LoadAsync(clientId, ct);
        if (!found) return NotFound();

        Input = Input.Normalized();
        ModelState.AddFailures(await new AccountPlanInputValidator(text, [.. KeyPersons.Select(p => p.Id)]).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid) return Page();

        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            var parameters = new
            {
                ClientId = clientId, Input.Goals, Input.SuccessCriteria, Input.LastReviewedOn, Input.NextReviewOn, Version,
                Now = time.GetUtcNow(), Actor = user.UserName,
            };
            var written = await c.ExecuteAsync(Version == 0 ? AccountPlansSql.Insert : AccountPlansSql.Update, parameters, t);
            if (written == 0) return false;
            await c.ExecuteAsync(AccountPlansSql.ClearStakeholders, new { ClientId = clientId }, t);
            await c.ExecuteAsync(AccountPlansSql.InsertStakeholder, Input.StakeholderIds.Select(id => new { ClientId = clientId, KeyPersonId = id }), t);
            await audit.RecordAsync(c, t, new AuditEntry("Client", clientId.ToString(), "AccountPlanSaved", ClientName,
                ChangeSet.Between(before is null ? null : AccountPlanInput.From(before), Input)));
            return true;
        }, ct);

        if (!saved)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, AccountPlansSql.LastChange, clientId, ct);
            return Page();
        }

        TempData["Flash"] = text["Plan.Saved"].Value;
        return RedirectToPage("/Clients/Details", null, new { id = clientId }, "plan");
    }

    private async Task<(bool Found, AccountPlan? Plan)> LoadAsync(int clientId, CancellationToken ct)
    {
        var client = await clients.FindAsync(clientId, ct);
        if (client is null) return (false, null);
        ClientName = client.Name;
        KeyPersons = await clients.KeyPersonsAsync(clientId, ct);
        await using var connection = await db.OpenAsync(ct);
        return (true, await AccountPlans.FindAsync(connection, clientId, ct));
    }
}
