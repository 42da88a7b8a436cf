using ProgramOps.Web.Features.Initiatives;

namespace ProgramOps.Web.Features.Programs;

/// <summary>A program's versions with the initiatives and feedback items addressing each, two of them side by side with what changed, and the version actions.</summary>
public sealed class DetailsModel(
    Db db, ProgramQueries queries, AuditTrail audit, ICurrentUser user, TimeProvider time,
    IStringLocalizer<ProgramsText> text) : PageModel
{
    public ProgramRow Program { get; private set; } = null!;
    public IReadOnlyList<ProgramVersionRow> Versions { get; private set; } = [];
    public ProgramVersionRow? Left { get; private set; }
    public ProgramVersionRow? Right { get; private set; }
    public IReadOnlyList<DefinitionChange> Changes { get; private set; } = [];
    public ILookup<int, VersionInitiative> VersionInitiatives { get; private set; } = Enumerable.Empty<VersionInitiative>().ToLookup(i => i.VersionId);
    public ILookup<int, VersionFeedbackItem> VersionFeedback { get; private set; } = Enumerable.Empty<VersionFeedbackItem>().ToLookup(i => i.VersionId);
    public ConcurrencyConflict? Conflict { get; private set; }

    public bool HasDraft => Versions.Any(v => v.Status == ProgramVersionStatus.Draft);

    public async Task<IActionResult> OnGetAsync(int id, int? left, int? right, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();

        // By default: the newest version against the one before it.
        Right = Versions.FirstOrDefault(v => v.VersionNumber == right) ?? Versions.FirstOrDefault();
        Left = Versions.FirstOrDefault(v => v.VersionNumber == left) ?? Versions.FirstOrDefault(v => v.VersionNumber < (Right?.VersionNumber ?? 0));
        if (Left is not null && Right is not null) Changes = DefinitionDiff.Between(Left.Parsed, Right.Parsed);
        VersionInitiatives = await InitiativeDirectory.ByVersionAsync(db, id, ct);
        VersionFeedback = await InitiativeDirectory.FeedbackByVersionAsync(db, id, ct);
        return Page();
    }

    [HandlerPolicy(Policies.Admin)]
    public async Task<IActionResult> OnPostNewVersionAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();

        var newest = Versions[0];
        var draftId = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<int?>(ProgramsSql.DraftOf, new { ProgramId = id }, t) is { } existing) return existing;

            var now = time.GetUtcNow();
            var number = await c.ExecuteScalarAsync<int>(ProgramsSql.NextVersionNumber, new { ProgramId = id }, t);
            var newId = await c.ExecuteScalarAsync<int>(ProgramsSql.InsertVersion + db.Dialect.SelectNewId,
                new { ProgramId = id, VersionNumber = number, newest.Definition, Now = now, Actor = user.UserName }, t);
            await audit.RecordAsync(c, t, new AuditEntry("Program", id.ToString(), "VersionDrafted", $"v{number} ← v{newest.VersionNumber}"));
            return newId;
        }, ct);

        return RedirectToPage("/Programs/EditVersion", new { programId = id, id = draftId });
    }

    [HandlerPolicy(Policies.Admin)]
    public async Task<IActionResult> OnPostRetireAsync(int id, int versionId, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var target = Versions.FirstOrDefault(v => v.Id == versionId);
        if (target is null) return NotFound();

        var retired = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(ProgramsSql.Retire, new { Id = versionId, Version = version, Now = time.GetUtcNow(), Actor = user.UserName }, t) == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Program", id.ToString(), "VersionRetired", $"v{target.VersionNumber}"));
            return true;
        }, ct);

        if (!retired)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, ProgramsSql.LastChange, versionId, ct);
            return await OnGetAsync(id, null, null, ct);
        }

        TempData["Flash"] = text["Details.Retired", target.VersionNumber].Value;
        return RedirectToPage(new { id });
    }


    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var program = await queries.FindProgramAsync(id, ct);
        if (program is null) return false;
        Program = program;
        Versions = await queries.VersionsAsync(id, ct);
        return Versions.Count > 0;
    }
}
