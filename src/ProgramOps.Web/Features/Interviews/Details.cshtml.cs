using System.Globalization;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Interviews;

/// <summary>
/// One N1 interview: its steps (contact, consent, schedule, done, or declined), its notes and its findings, each tagged
/// with a funnel stage and sent to the feedback router at most once. Every view and write is audited.
/// </summary>
public sealed class DetailsModel(
    Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, LocalClock clock, FeedbackRouting routing, IStringLocalizer<InterviewsText> text) : PageModel
{
    public const int MaxNotes = 4000;
    public const int MaxFinding = 2000;

    public sealed record Interview
    {
        public int Id { get; init; }
        public int DrawId { get; init; }
        public long ParticipantId { get; init; }
        public string? FullName { get; init; }
        public string? Kana { get; init; }
        public ParticipantState ParticipantState { get; init; }
        public InterviewStatus Status { get; init; }
        public DateTimeOffset? ScheduledFor { get; init; }
        public string? Notes { get; init; }
        public DateTimeOffset? ErasedAt { get; init; }
        public int Version { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string UpdatedBy { get; init; } = "";
        public FunnelStage DrawnAt { get; init; }
        public int CohortId { get; init; }
        public string CohortName { get; init; } = "";
        public int ProgramId { get; init; }
        public string ProgramCode { get; init; } = "";
        public int ClientId { get; init; }
        public string ClientName { get; init; } = "";
    }

    public sealed record Finding
    {
        public int Id { get; init; }
        public int InterviewId { get; init; }
        public FunnelStage Stage { get; init; }
        public string? Text { get; init; }
        public int? FeedbackItemId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string CreatedBy { get; init; } = "";
    }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public InterviewStep Step { get; set; }
    [BindProperty] public DateTime? ScheduledFor { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public FunnelStage FindingStage { get; set; }
    [BindProperty] public string? FindingText { get; set; }
    [BindProperty] public int FindingId { get; set; }

    public Interview Record { get; private set; } = null!;
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public IReadOnlyList<InterviewStep> Steps { get; private set; } = [];
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (Version, Notes, FindingStage) = (Record.Version, Record.Notes, Record.DrawnAt);
        await db.InTransactionAsync((c, t) => audit.RecordAsync(c, t, new AuditEntry("Interview", Key(id), "InterviewViewed", ParticipantPrivacy.Pseudonym(Record.ParticipantId))), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var next = new InterviewLifecycle(Record.Status).Fire(Step);
        if (next is null) ModelState.AddModelError(nameof(Step), text["Step.NotAllowed", text[$"Step.{Step}"], text[$"Status.{Record.Status}"]]);
        DateTimeOffset? scheduledFor = Record.ScheduledFor;
        if (Step == InterviewStep.Schedule)
        {
            if (ScheduledFor is not { } local) ModelState.AddModelError(nameof(ScheduledFor), text["Step.ScheduledForRequired"]);
            else scheduledFor = new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
        }

        if (!ModelState.IsValid) return Page();
        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            var written = await c.ExecuteAsync(new CommandDefinition(InterviewsSql.SetStatus, new
            {
                Id = id, Version, Status = next!.Value.ToString(), ScheduledFor = scheduledFor, Now = time.GetUtcNow(), Actor = user.UserName,
            }, t, cancellationToken: ct));
            if (written == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Interview", Key(id), "InterviewStepped", ParticipantPrivacy.Pseudonym(Record.ParticipantId),
                new Dictionary<string, FieldChange>
                {
                    ["Status"] = new(Record.Status.ToString(), next.Value.ToString()),
                    ["ScheduledFor"] = new(Record.ScheduledFor?.ToString("O", CultureInfo.InvariantCulture), scheduledFor?.ToString("O", CultureInfo.InvariantCulture)),
                }));
            return true;
        }, ct);
        return await AfterSaveAsync(saved, id, text["Step.Saved"], ct);
    }

    public async Task<IActionResult> OnPostNotesAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        if (Record.ErasedAt is not null) ModelState.AddModelError(nameof(Notes), text["Notes.Erased"]);
        if (notes?.Length > MaxNotes) ModelState.AddModelError(nameof(Notes), text["Validation.TooLong", text["Notes.Title"], MaxNotes]);
        if (!ModelState.IsValid) return Page();
        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            var written = await c.ExecuteAsync(new CommandDefinition(InterviewsSql.SetNotes, new { Id = id, Version, Notes = notes, Now = time.GetUtcNow(), Actor = user.UserName }, t, cancellationToken: ct));
            if (written == 0) return false;
            // The audit row says that the notes changed, never what they say: they are erased on withdrawal, the log is not.
            await audit.RecordAsync(c, t, new AuditEntry("Interview", Key(id), "InterviewNotesSaved", $"{notes?.Length ?? 0} characters"));
            return true;
        }, ct);
        return await AfterSaveAsync(saved, id, text["Notes.Saved"], ct);
    }

    public async Task<IActionResult> OnPostFindingAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var finding = FindingText?.Trim() ?? "";
        if (Record.ErasedAt is not null) ModelState.AddModelError(nameof(FindingText), text["Notes.Erased"]);
        if (finding.Length == 0) ModelState.AddModelError(nameof(FindingText), text["Finding.Required"]);
        if (finding.Length > MaxFinding) ModelState.AddModelError(nameof(FindingText), text["Validation.TooLong", text["Finding.Text"], MaxFinding]);
        if (!Enum.IsDefined(FindingStage)) ModelState.AddModelError(nameof(FindingStage), text["Finding.StageRequired"]);
        if (!ModelState.IsValid) return Page();
        await db.InTransactionAsync(async (c, t) =>
        {
            var findingId = await c.ExecuteScalarAsync<int>(new CommandDefinition(InterviewsSql.InsertFinding(db.Dialect), new
            {
                InterviewId = id, Stage = FindingStage.ToString(), Text = finding, Now = time.GetUtcNow(), Actor = user.UserName,
            }, t, cancellationToken: ct));
            await audit.RecordAsync(c, t, new AuditEntry("Interview", Key(id), "InterviewFindingRecorded", $"finding #{findingId} at {FindingStage}"));
        }, ct);
        TempData["Flash"] = text["Finding.Saved"].Value;
        return Redirect($"/interviews/{id}#findings");
    }

    /// <summary>Files the finding as a feedback item (source N1 interview, its stage), once: a second send finds it sent.</summary>
    public async Task<IActionResult> OnPostSendAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Findings.FirstOrDefault(f => f.Id == FindingId) is not { Text: { } findingText } finding) return NotFound();
        var input = FindingFeedback.Input(finding.Stage, findingText, Record.ProgramId, Record.CohortId);
        var outcome = (await routing.CurrentAsync(ct)).Route(input.ToFacts(Record.ProgramCode));
        var actor = new FeedbackActor(user.Id, user.UserName, time.GetUtcNow());
        await db.InTransactionAsync(async (c, t) =>
        {
            var current = await c.QuerySingleAsync<Finding>(new CommandDefinition(InterviewsSql.Finding, new { Id = finding.Id }, t, cancellationToken: ct));
            if (current.FeedbackItemId is not null) return;
            var itemId = await FeedbackIntake.InsertAsync(c, t, db.Dialect, input, outcome, actor);
            await c.ExecuteAsync(new CommandDefinition(InterviewsSql.MarkFindingSent, new { Id = finding.Id, ItemId = itemId }, t, cancellationToken: ct));
            await audit.RecordAsync(c, t, new AuditEntry("FeedbackItem", itemId.ToString(CultureInfo.InvariantCulture), "Reported",
                $"{input.Title} → {outcome.Rules.Destination} ({outcome.Rules.Confidence:P0})"));
            await audit.RecordAsync(c, t, new AuditEntry("Interview", Key(id), "InterviewFindingSent", $"finding #{finding.Id} → feedback #{itemId}"));
        }, ct);
        TempData["Flash"] = text["Finding.Sent"].Value;
        return Redirect($"/interviews/{id}#findings");
    }

    private async Task<IActionResult> AfterSaveAsync(bool saved, int id, string done, CancellationToken ct)
    {
        if (saved)
        {
            TempData["Flash"] = done;
            return Redirect($"/interviews/{id}");
        }

        Conflict = await ConcurrencyConflict.FindAsync(db, InterviewsSql.LastChange, id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var record = await connection.QuerySingleOrDefaultAsync<Interview>(new CommandDefinition(InterviewsSql.Find, new { Id = id }, cancellationToken: ct));
        if (record is null) return false;
        Record = record;
        Findings = [.. await connection.QueryAsync<Finding>(new CommandDefinition(InterviewsSql.Findings, new { Id = id }, cancellationToken: ct))];
        Steps = new InterviewLifecycle(record.Status).PermittedSteps;
        return true;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
