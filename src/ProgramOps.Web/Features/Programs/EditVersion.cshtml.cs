namespace ProgramOps.Web.Features.Programs;

/// <summary>
/// Edits a draft version. Saving keeps work in progress even when it is not yet publishable (the
/// problems are listed); publishing validates the whole definition and freezes it.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditVersionModel(
    Db db, ProgramQueries queries, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<ProgramsText> text) : PageModel
{
    [BindProperty] public ProgramDefinitionForm Form { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public ProgramVersionRow Draft { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programId, int id, CancellationToken ct)
    {
        if (await LoadAsync(programId, id, ct) is { } notEditable) return notEditable;
        var definition = Draft.Parsed;
        (Form, Version) = (ProgramDefinitionForm.From(definition), Draft.Version);
        Problems = ProblemsOf(definition);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int programId, int id, CancellationToken ct)
    {
        if (await LoadAsync(programId, id, ct) is { } notEditable) return notEditable;
        if (!ModelState.IsValid) return Redisplay();

        var saved = await db.InTransactionAsync((c, t) => SaveDraftAsync(c, t, programId, Form.ToDefinition(Code)), ct);
        if (!saved) return await ConflictAsync(id, ct);
        TempData["Flash"] = text["Edit.Saved"].Value;
        return RedirectToPage(new { programId, id });
    }

    public async Task<IActionResult> OnPostPublishAsync(int programId, int id, CancellationToken ct)
    {
        if (await LoadAsync(programId, id, ct) is { } notEditable) return notEditable;
        if (!ModelState.IsValid) return Redisplay();

        var definition = Form.ToDefinition(Code);
        Problems = ProblemsOf(definition);
        if (Problems.Count > 0) return Redisplay();

        var published = await db.InTransactionAsync(async (c, t) =>
        {
            if (!await SaveDraftAsync(c, t, programId, definition)) return false;
            var now = time.GetUtcNow();
            await ProgramWrites.PublishAsync(c, t, programId, id, Version + 1, now, user.UserName);
            await audit.RecordAsync(c, t, new AuditEntry("Program", programId.ToString(), "VersionPublished", $"v{Draft.VersionNumber}"));
            await Clients.Contracts.ContractProgramMatching.MatchAsync(c, t, audit, now, ct);
            return true;
        }, ct);

        if (!published) return await ConflictAsync(id, ct);
        TempData["Flash"] = text["Edit.Published", Draft.VersionNumber].Value;
        return RedirectToPage("/Programs/Details", new { id = programId });
    }

    private async Task<bool> SaveDraftAsync(DbConnection c, DbTransaction t, int programId, ProgramDefinition definition)
    {
        var saved = await c.ExecuteAsync(ProgramsSql.SaveDraft,
            new { Draft.Id, Version, Definition = ProgramDefinitionJson.Serialize(definition), Now = time.GetUtcNow(), Actor = user.UserName }, t);
        if (saved == 0) return false;
        await audit.RecordAsync(c, t, new AuditEntry("Program", programId.ToString(), "DraftSaved", $"v{Draft.VersionNumber}",
            DefinitionDiff.AsFieldChanges(Draft.Parsed, definition)));
        return true;
    }

    private IReadOnlyList<string> ProblemsOf(ProgramDefinition definition) =>
        new ProgramDefinitionValidator(text).Validate(definition).Errors.Select(e => e.ErrorMessage).Distinct().ToList();

    private PageResult Redisplay()
    {
        while (Form.Milestones.Count < ProgramDefinitionForm.ListRows) Form.Milestones.Add(new WeekRow());
        while (Form.Shipments.Count < ProgramDefinitionForm.ListRows) Form.Shipments.Add(new WeekRow());
        return Page();
    }

    private async Task<IActionResult> ConflictAsync(int id, CancellationToken ct)
    {
        Conflict = await ConcurrencyConflict.FindAsync(db, ProgramsSql.LastChange, id, ct);
        return Redisplay();
    }

    /// <summary>Null when the draft is there and editable; otherwise the answer to give instead.</summary>
    private async Task<IActionResult?> LoadAsync(int programId, int id, CancellationToken ct)
    {
        var program = await queries.FindProgramAsync(programId, ct);
        var version = program is null ? null : await queries.FindVersionAsync(programId, id, ct);
        if (program is null || version is null) return NotFound();
        if (version.Status != ProgramVersionStatus.Draft)
        {
            TempData["Flash"] = text["Edit.NotDraft", version.VersionNumber].Value;
            return RedirectToPage("/Programs/Details", new { id = programId });
        }

        (Draft, Code) = (version, program.Code);
        return null;
    }
}
