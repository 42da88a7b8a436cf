using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Infrastructure.Text;

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
        public string? EmployeeNumber { get; init; }
        public string? PersonName { get; init; }
        public bool IsWarning { get; init; }
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
    /// <summary>The people the commit would enrol, a page at a time (shown to those who run cohorts).</summary>
    public PageOf<ValidRosterRecord> People { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<RosterColumn> IgnoredColumns { get; private set; } = [];
    public double? Progress { get; private set; }
    public bool CanRun { get; private set; }
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cohortId, int id, int? pageNumber, int? peoplePage, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, id, ct)) return NotFound();
        if (Import.Status != RosterImportStatus.Previewed) return Page();
        await LoadPreviewAsync(Paging.Normalize(pageNumber), ct);
        if (CanRun) People = await RosterPreviewPeople.PageAsync(db, Import, Cohort, clock.Today.Year, Paging.Normalize(peoplePage), PageSize, ct);
        return Page();
    }

    /// <summary>The problems as a CSV to send back to the client, in the encoding the roster came in.</summary>
    [HandlerPolicy(Policies.RunCohorts)]
    public async Task<IActionResult> OnGetProblemsAsync(int cohortId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, id, ct)) return NotFound();
        await using var connection = await db.OpenAsync(ct);
        var encoding = Import.DetectedEncoding ?? Import.RequestedEncoding;
        // Buffered on disk past a few kilobytes, so a file of many problems does not sit in memory.
        await using var csv = new FileBufferingWriteStream();
        await RosterProblemsCsv.WriteAsync(csv, connection.QueryUnbufferedAsync<ProblemRow>(ImportsSql.AllProblems, new { ImportId = id }),
            encoding, ProblemText, text, ct);
        Response.ContentType = RosterProblemsCsv.ContentType(encoding);
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = $"{Path.GetFileNameWithoutExtension(Import.FileName)}-problems.csv",
        }.ToString();
        await csv.DrainBufferAsync(Response.Body, ct);
        return new EmptyResult();
    }

    /// <summary>A problem in the user's language, as the page and the downloaded file word it.</summary>
    public string ProblemText(ProblemRow problem) => text[$"Problem.{problem.Problem}", problem.Value, problem.FirstLine ?? 0];

    [HandlerPolicy(Policies.RunCohorts)]
    public async Task<IActionResult> OnPostCommitAsync(int cohortId, int id, int version, CancellationToken ct) =>
        await MoveAsync(cohortId, id, version, ImportsSql.RequestCommit, "RosterCommitRequested", text["Details.CommitQueued"], ct);

    [HandlerPolicy(Policies.RunCohorts)]
    public async Task<IActionResult> OnPostDiscardAsync(int cohortId, int id, int version, CancellationToken ct) =>
        await MoveAsync(cohortId, id, version, ImportsSql.Discard, "RosterDiscarded", text["Details.Discarded"], ct);

    public string PeoplePageUrl(int page) => Url.Page("/Cohorts/Imports/Details", new { cohortId = Import.CohortId, id = Import.Id, peoplePage = page })! + "#people";

    private async Task<IActionResult> MoveAsync(int cohortId, int id, int version, string sql, string action, string flash, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, id, ct)) return NotFound();

        var moved = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(new CommandDefinition(sql, new { Id = id, Version = version, UserId = user.Id, Actor = user.UserName, Now = time.GetUtcNow() }, t, cancellationToken: ct)) == 0)
                return false;
            if (action == "RosterDiscarded") await c.ExecuteAsync(new CommandDefinition(ImportsSql.DeleteChunks, new { ImportId = id }, t, cancellationToken: ct));
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(), action, CodedText.Encode(AuditSummaries.RosterFile, Import.FileName, id)));
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
