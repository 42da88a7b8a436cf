using System.Globalization;

namespace ProgramOps.Web.Features.Issues;

/// <summary>Edits an issue's stage and statement, with optimistic concurrency, audited field by field.</summary>
public sealed class EditModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<IssuesText> text) : PageModel
{
    [BindProperty] public IssueInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public IssueRow Issue { get; private set; } = null!;
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (Input, Version) = (new IssueInput { ProgramId = Issue.ProgramId, Stage = Issue.Stage, Statement = Issue.Statement }, Issue.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = Input.Normalized() with { ProgramId = Issue.ProgramId };
        ModelState.AddFailures(await new IssueInputValidator(text, [Issue.ProgramId]).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid) return Page();

        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            var written = await c.ExecuteAsync(new CommandDefinition(IssuesSql.Update, new
            {
                Id = id, Version, Stage = Input.Stage.ToString(), Input.Statement, Now = time.GetUtcNow(), Actor = user.UserName,
            }, t, cancellationToken: ct));
            if (written == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Issue", id.ToString(CultureInfo.InvariantCulture), "IssueEdited", null,
                ChangeSet.Between(new IssueInput { ProgramId = Issue.ProgramId, Stage = Issue.Stage, Statement = Issue.Statement }, Input)));
            return true;
        }, ct);
        if (!saved)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, IssuesSql.LastChange, id, ct);
            return Page();
        }

        TempData["Flash"] = text["Form.Saved"].Value;
        return Redirect($"/issues/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var issue = await connection.QuerySingleOrDefaultAsync<IssueRow>(new CommandDefinition(IssuesSql.Find, new { Id = id }, cancellationToken: ct));
        if (issue is null) return false;
        Issue = issue;
        return true;
    }
}
