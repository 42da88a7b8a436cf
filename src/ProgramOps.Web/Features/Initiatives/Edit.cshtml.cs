using System.Globalization;
using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>Edits an initiative's plan (words, owner, decay share, state) with optimistic concurrency, audited field by field; its design stays as created.</summary>
[Authorize(Policy = Policies.RunCohorts)]
public sealed class EditModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<InitiativesText> text) : PageModel
{
    [BindProperty] public InitiativePlan Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public InitiativeRow Initiative { get; private set; } = null!;
    public IReadOnlyList<NamedId> Owners { get; private set; } = [];
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (Input, Version) = (Stored(), Initiative.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = Input.TrimmedPlan();
        ModelState.AddFailures(await new InitiativePlanValidator(text, [.. Owners.Select(o => o.Id)]).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid) return Page();

        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            var written = await c.ExecuteAsync(new CommandDefinition(InitiativesSql.Update, new
            {
                Id = id, Version, Input.Title, Input.Hypothesis, ChangeKind = Input.ChangeKind.ToString(), Input.ChangeDescription, Input.OwnerId,
                DecayShare = Input.DecayPercent / 100.0, State = Input.State.ToString(), Now = time.GetUtcNow(), Actor = user.UserName,
            }, t, cancellationToken: ct));
            if (written == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Initiative", id.ToString(CultureInfo.InvariantCulture), "InitiativeEdited", null, ChangeSet.Between(Stored(), Input)));
            return true;
        }, ct);
        if (!saved)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, InitiativesSql.LastChange, id, ct);
            return Page();
        }

        TempData["Flash"] = text["Form.Saved"].Value;
        return Redirect($"/initiatives/{id}");
    }

    private InitiativePlan Stored() => new()
    {
        Title = Initiative.Title, Hypothesis = Initiative.Hypothesis, ChangeKind = Initiative.ChangeKind, ChangeDescription = Initiative.ChangeDescription,
        OwnerId = Initiative.OwnerId, DecayPercent = (int)Math.Round(Initiative.DecayShare * 100), State = Initiative.State,
    };

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var initiative = await connection.QuerySingleOrDefaultAsync<InitiativeRow>(new CommandDefinition(InitiativesSql.Find, new { Id = id }, cancellationToken: ct));
        if (initiative is null) return false;
        Initiative = initiative;
        Owners = await StaffDirectory.WithAnyRoleAsync(connection, [Roles.Admin, Roles.ProgramCS], ct);
        return true;
    }
}
