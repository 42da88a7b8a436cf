using ProgramOps.Web.Features.Clients.Activity;

namespace ProgramOps.Web.Features.Actions;

/// <summary>Whose actions the queue shows.</summary>
public enum ActionScope
{
    /// <summary>The viewer's own and the unowned ones of the kinds their role works: the default.</summary>
    ForMe,

    /// <summary>Only those the viewer owns.</summary>
    Mine,

    Everyone,
}

/// <summary>The CS action queue: what needs doing, by due date; take, snooze or complete an action.</summary>
public sealed class IndexModel(
    Db db, AuditTrail audit, ICurrentUser user, LocalClock clock, IAuthorizationService authorization, IStringLocalizer<ActionsText> text) : PageModel
{
    public sealed record Query
    {
        public CsActionKind? Kind { get; init; }
        public int? Cohort { get; init; }
        public int? Client { get; init; }
        public ActionScope Scope { get; init; }
        public bool Closed { get; init; }
        /// <remarks>Not "page": Razor Pages keeps that route value for the page's own name.</remarks>
        public int? PageNumber { get; init; }
    }

    public sealed record Row
    {
        public int Id { get; init; }
        public CsActionKind Kind { get; init; }
        public required string ConditionKey { get; init; }
        public int? InitiativeId => CsActionRequest.InitiativeOf(ConditionKey);
        public required string Reason { get; init; }
        public DateOnly DueOn { get; init; }
        public CsActionPriority Priority { get; init; }
        public CsActionStatus Status { get; init; }
        public DateOnly? SnoozedUntil { get; init; }
        public long? ParticipantId { get; init; }
        public int? CohortId { get; init; }
        public string? CohortName { get; init; }
        public int? TeamNumber { get; init; }
        public int? ContractId { get; init; }
        public long? ShipmentId { get; init; }
        public int? ClientId { get; init; }
        public string? ClientName { get; init; }
        public int? OwnerId { get; init; }
        public string? OwnerName { get; init; }
        public string? Note { get; init; }
        public int Version { get; init; }
    }

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public DateOnly Today => clock.Today;
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [HandlerPolicy(Policies.WorkActions)]
    public Task<IActionResult> OnPostTakeAsync(int id, int version, CancellationToken ct) =>
        ChangeAsync(id, ActionsSql.Take, "Taken", null, new { Id = id, Version = version, UserId = user.Id }, text["Flash.Taken"], ct);

    [HandlerPolicy(Policies.WorkActions)]
    public Task<IActionResult> OnPostSnoozeAsync(int id, int version, DateOnly? until, string? note, CancellationToken ct) =>
        until is not { } day || day <= clock.Today
            ? Refuse(text["Validation.SnoozeDate"], ct)
            : ChangeAsync(id, ActionsSql.Snooze, "Snoozed", note?.Trim(), new { Id = id, Version = version, Until = day, Note = note?.Trim() }, text["Flash.Snoozed", day.ToString("yyyy-MM-dd")], ct);

    [HandlerPolicy(Policies.WorkActions)]
    public Task<IActionResult> OnPostCompleteAsync(int id, int version, string? note, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(note) || note.Length > 2000
            ? Refuse(text["Validation.NoteRequired"], ct)
            : ChangeAsync(id, ActionsSql.Complete, "Completed", note.Trim(), new { Id = id, Version = version, Note = note.Trim() }, text["Flash.Completed"], ct,
                (c, t) => LogCompletedTaskAsync(c, t, id, note.Trim(), ct));

    /// <summary>A completed playbook task joins its client's activity timeline: the instruction in the completer's language and their note.</summary>
    private async Task LogCompletedTaskAsync(DbConnection c, DbTransaction t, int id, string note, CancellationToken ct)
    {
        var action = await c.QuerySingleAsync<(CsActionKind Kind, int? ClientId, string Reason)>(new CommandDefinition(ActionsSql.CompletedTask, new { Id = id }, t, cancellationToken: ct));
        if (action.Kind != CsActionKind.PlaybookTask || action.ClientId is not { } clientId) return;
        var summary = $"{CsActionReason.Describe(action.Reason, text)}\n{note}";
        await ClientActivityLog.AppendAsync(c, t, db.Dialect,
            new ClientActivityEntry(clientId, ClientActivityKind.TaskCompleted, clock.Today, summary[..Math.Min(summary.Length, ClientActivityLog.MaxSummaryLength)],
                SystemKey: $"task:{id}"), user.Id, user.UserName, clock.UtcNow, ct);
    }

    /// <summary>Whether the signed-in user may work this row (the page shows its forms).</summary>
    public bool MayWork(Row row) => CsActionWork.MayWork(RunsCohorts, row.Kind, row.OwnerId, user.Id);

    public int? UserId => user.Id;

    /// <summary>Someone else has the action: taking it over asks first.</summary>
    public bool OwnedByAnother(Row row) => row.OwnerId is { } owner && owner != user.Id;

    /// <summary>The scope shown: a viewer, who works no kind of action, sees everyone's.</summary>
    public ActionScope Scope => Filter.Scope == ActionScope.ForMe && WorkedKinds.Count == 0 ? ActionScope.Everyone : Filter.Scope;

    private IReadOnlyList<CsActionKind> WorkedKinds => CsActionWork.KindsWorkedBy(RunsCohorts, User.IsInRole(Roles.BizDev));

    private bool RunsCohorts { get; set; }

    private async Task<IActionResult> ChangeAsync(
        int id, string sql, string action, string? summary, object values, string flash, CancellationToken ct, Func<DbConnection, DbTransaction, Task>? alsoWrite = null)
    {
        if (!await RunsCohortsAsync())
        {
            await using var connection = await db.OpenAsync(ct);
            var target = await connection.QuerySingleOrDefaultAsync<(CsActionKind Kind, int? OwnerId)?>(new CommandDefinition(ActionsSql.KindAndOwner, new { Id = id }, cancellationToken: ct));
            if (target is not { } found) return NotFound();
            if (!CsActionWork.MayWork(false, found.Kind, found.OwnerId, user.Id)) return Forbid();
        }

        var parameters = new DynamicParameters(values);
        parameters.Add("Now", clock.UtcNow);
        parameters.Add("Actor", user.UserName);
        var changed = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(sql, parameters, t) == 0) return false;
            if (alsoWrite is not null) await alsoWrite(c, t);
            await audit.RecordAsync(c, t, new AuditEntry("CsAction", id.ToString(), action, summary));
            return true;
        }, ct);
        if (!changed)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, ActionsSql.LastChange, id, ct);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = flash;
        return Redirect(PageUrl(Filter.PageNumber ?? 1));
    }

    private async Task<IActionResult> Refuse(string message, CancellationToken ct)
    {
        ModelState.AddModelError("", message);
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> RunsCohortsAsync() => RunsCohorts = (await authorization.AuthorizeAsync(User, Policies.RunCohorts)).Succeeded;

    private async Task LoadAsync(CancellationToken ct)
    {
        await RunsCohortsAsync();
        var page = Paging.Normalize(Filter.PageNumber);
        var parameters = new
        {
            Statuses = Filter.Closed ? new[] { nameof(CsActionStatus.Done), nameof(CsActionStatus.Resolved) } : [nameof(CsActionStatus.Open), nameof(CsActionStatus.Snoozed)],
            Kind = Filter.Kind?.ToString(),
            CohortId = Filter.Cohort,
            ClientId = Filter.Client,
            OwnerId = Scope == ActionScope.Mine ? user.Id : null,
            ForUserId = Scope == ActionScope.ForMe ? user.Id : null,
            UnownedKinds = WorkedKinds.Select(k => k.ToString()).ToArray(),
            Skip = Paging.Skip(page, Paging.DefaultPageSize),
            Take = Paging.DefaultPageSize,
        };
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(ActionsSql.Queue(db.Dialect), parameters, cancellationToken: ct))).ToList();
        var total = page == 1 && rows.Count < Paging.DefaultPageSize ? rows.Count
            : await connection.ExecuteScalarAsync<int>(new CommandDefinition(ActionsSql.Count, parameters, cancellationToken: ct));
        Results = new PageOf<Row>(rows, page, Paging.DefaultPageSize, total);
    }

    public string PageUrl(int page) => Url.Page("/Actions/Index", new
    {
        kind = Filter.Kind, cohort = Filter.Cohort, client = Filter.Client, scope = Filter.Scope == ActionScope.ForMe ? null : Filter.Scope.ToString().ToLowerInvariant(),
        closed = Filter.Closed ? true : (bool?)null, pageNumber = page == 1 ? (int?)null : page,
    })!;
}
