using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>One import: its progress while the worker has it, then the preview to commit or discard, then the result.</summary>
public sealed class DetailsModel(
    Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, LocalClock clock, ImportQueueSignal queue, ImportProgressBoard progress,
    IAuthorizationService authorization, IStringLocalizer<ImportsText> text) : PageModel
{
    private const int PageSize = 50;

    public sealed record ProblemRow
    {
        public int Line { get; init; }
        public RosterProblem Problem { get; init; }
        public RosterField? Field { get; init; }
        public string? ColumnName { get; init; }
        public required string Value { get; init; }
        public int? FirstLine { get; init; }
        public int TotalCount { get; init; }
    }

    public RosterImport Import { get; private set; } = null!;
    public ImportCohort Cohort { get; private set; } = null!;
    public PageOf<ProblemRow> Problems { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<RosterColumn> IgnoredColumns { get; private set; } = [];
    public double? Progress { get; private set; }
    public bool CanRun { get; private set; }
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cohortId, int id, int? pageNumber, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, id, ct)) return NotFound();
        if (Import.Status == RosterImportStatus.Previewed) await LoadPreviewAsync(Paging.Normalize(pageNumber), ct);
        return Page();
    }

    [HandlerPolicy(Policies.RunCohorts)]
    public async Task<IActionResult> OnPostCommitAsync(int cohortId, int id, int version, CancellationToken ct) =>
        await MoveAsync(cohortId, id, version, ImportsSql.RequestCommit, "RosterCommitRequested", text["Details.CommitQueued"], ct);

    [HandlerPolicy(Policies.RunCohorts)]
    public async Task<IActionResult> OnPostDiscardAsync(int cohortId, int id, int version, CancellationToken ct) =>
        await MoveAsync(cohortId, id, version, ImportsSql.Discard, "RosterDiscarded", text["Details.Discarded"], ct);

    private async Task<IActionResult> MoveAsync(int cohortId, int id, int version, string sql, string action, string flash, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, id, ct)) return NotFound();

        var moved = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(new CommandDefinition(sql, new { Id = id, Version = version, UserId = user.Id, Actor = user.UserName, Now = time.GetUtcNow() }, t, cancellationToken: ct)) == 0)
                return false;
            if (action == "RosterDiscarded") await c.ExecuteAsync(new CommandDefinition(ImportsSql.DeleteChunks, new { ImportId = id }, t, cancellationToken: ct));
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(), action, $"{Import.FileName} (import #{id})"));
            return true;
        }, ct);
        if (!moved)
        {
            // A second click, or a colleague acted on the same preview: show what happened instead of doing it twice.
            await LoadAsync(cohortId, id, ct);
            Conflict = await ConcurrencyConflict.FindAsync(db, ImportsSql.LastChange, id, ct);
            if (Import.Status == RosterImportStatus.Previewed) await LoadPreviewAsync(1, ct);
            return Page();
        }

        queue.Wake();
        TempData["Flash"] = flash;
        return RedirectToPage(new { cohortId, id });
    }

    private async Task<bool> LoadAsync(int cohortId, int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var import = await RosterImport.FindAsync(connection, null, id, ct);
        if (import is null || import.CohortId != cohortId) return false;
        Import = import;
        Cohort = await connection.QuerySingleAsync<ImportCohort>(new CommandDefinition(ImportsSql.Cohort, new { Id = cohortId }, cancellationToken: ct));
        Progress = import.Status.IsInProgress() ? progress.Of(id) ?? 0 : null;
        CanRun = (await authorization.AuthorizeAsync(User, Policies.RunCohorts)).Succeeded;
        return true;
    }

    private async Task LoadPreviewAsync(int page, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<ProblemRow>(new CommandDefinition(ImportsSql.Problems(db.Dialect),
            new { ImportId = Import.Id, Skip = Paging.Skip(page, PageSize), Take = PageSize }, cancellationToken: ct))).ToList();
        Problems = new PageOf<ProblemRow>(rows, page, PageSize, rows.FirstOrDefault()?.TotalCount ?? Import.RowsInvalid);
        IgnoredColumns = (await RosterHeaderPeek.ReadAsync(connection, Import, clock.Today.Year, ct))?.Columns
            .Where(c => c.Field is null && c.Source != RosterColumnSource.Blank).ToList() ?? [];
    }
}
