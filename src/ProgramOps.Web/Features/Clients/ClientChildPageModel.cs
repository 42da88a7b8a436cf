namespace ProgramOps.Web.Features.Clients;

/// <summary>
/// What the pages for a client's own records (key persons, contracts) share: the client they belong
/// to, loading the record into the form, the version the form was loaded at, the submission token of
/// an add form, and the "someone saved first" answer.
/// </summary>
public abstract class ClientChildPageModel<TRow, TInput>(Db db, ClientQueries clients) : PageModel
    where TRow : class
    where TInput : class, new()
{
    protected Db Db => db;

    [BindProperty] public TInput Input { get; set; } = new();

    [BindProperty] public int Version { get; set; }

    /// <summary>Made when an add form is shown; a second post of the same form finds the first one's record.</summary>
    [BindProperty] public Guid SubmissionToken { get; set; }

    public string ClientName { get; private set; } = "";
    public bool IsNew => RouteData.Values["id"] is null;
    public ConcurrencyConflict? Conflict { get; private set; }

    protected abstract string FindSql { get; }
    protected abstract string LastChangeSql { get; }

    /// <summary>The form's values and version for a stored record.</summary>
    protected abstract (TInput Input, int Version) Editable(TRow row);

    /// <summary>The form's choices that come from elsewhere (e.g. the programs a contract can be for), loaded for every handler.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(int clientId, int? id, CancellationToken ct)
    {
        var (found, row) = await LoadAsync(clientId, id, ct);
        if (!found) return NotFound();
        if (row is not null) (Input, Version) = Editable(row);
        return Page();
    }

    /// <summary>The client must exist, and so must the record when an id is given (row is null when adding).</summary>
    protected async Task<(bool Found, TRow? Row)> LoadAsync(int clientId, int? id, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var client = await clients.FindAsync(clientId, ct);
        ClientName = client?.Name ?? "";
        if (client is null) return (false, null);
        if (id is null)
        {
            if (SubmissionToken == Guid.Empty) SubmissionToken = Guid.NewGuid();
            return (true, null);
        }

        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<TRow>(
            new CommandDefinition(FindSql, new { Id = id, ClientId = clientId }, cancellationToken: ct));
        return (row is not null, row);
    }

    /// <summary>
    /// Adds the record (once per add form, however often it is posted) or saves it if it is still at the version the
    /// form was loaded at, with its audit entry, in one transaction; false when someone saved it first.
    /// </summary>
    /// <param name="kind">The record's kind, for the add form's submission token.</param>
    /// <param name="insert">Inserts the record and returns its new id.</param>
    /// <param name="update">Saves the record; false when its version moved on.</param>
    /// <param name="audited">The audit entry of the saved record, given its id.</param>
    protected Task<bool> SaveAsync(
        string kind, bool adding, Func<DbConnection, DbTransaction, DateTimeOffset, Task<int>> insert,
        Func<DbConnection, DbTransaction, DateTimeOffset, Task<bool>> update, Func<int, AuditEntry> audited, AuditTrail audit, TimeProvider time, int? id,
        CancellationToken ct) =>
        db.InTransactionAsync(async (c, t) =>
        {
            var now = time.GetUtcNow();
            var recordId = id ?? 0;
            if (adding)
            {
                if (await FormSubmissions.FindAsync(c, t, SubmissionToken, kind) is not null) return true;
                recordId = await insert(c, t, now);
                await FormSubmissions.RecordAsync(c, t, SubmissionToken, kind, recordId, now);
            }
            else if (!await update(c, t, now))
            {
                return false;
            }

            await audit.RecordAsync(c, t, audited(recordId));
            return true;
        }, ct);

    protected async Task<IActionResult> ConflictAsync(int id, CancellationToken ct)
    {
        Conflict = await ConcurrencyConflict.FindAsync(db, LastChangeSql, id, ct);
        return Conflict is null ? NotFound() : Page();
    }

    protected RedirectToPageResult BackToClient(int clientId) => RedirectToPage("/Clients/Details", new { id = clientId });
}
