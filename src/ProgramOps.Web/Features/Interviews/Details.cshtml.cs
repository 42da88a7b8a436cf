using System.Globalization;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Interviews;

/// <summary>
/// One N1 interview: its steps (contact, consent, schedule, done, or declined), its notes and its findings, each tagged
/// with a funnel stage and sent to the feedback router at most once. Every view and write is audited.
/// </summary>
public sealed class DetailsModel(
    Db db, InterviewWrites interviews, AuditTrail audit, ICurrentUser user, TimeProvider time, LocalClock clock, IStringLocalizer<InterviewsText> text) : PageModel
{
    public const int MaxNotes = 4000;
    public const int MaxFinding = 2000;

    [BindProperty] public int Version { get; set; }
    [BindProperty] public InterviewStep Step { get; set; }
    [BindProperty] public DateTime? ScheduledFor { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public FunnelStage FindingStage { get; set; }
    [BindProperty] public string? FindingText { get; set; }
    [BindProperty] public int FindingId { get; set; }

    public InterviewRecord Record { get; private set; } = null!;
    public IReadOnlyList<InterviewFinding> Findings { get; private set; } = [];
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
        var scheduledFor = Record.ScheduledFor;
        if (Step == InterviewStep.Schedule)
        {
            if (ScheduledFor is not { } local) ModelState.AddModelError(nameof(ScheduledFor), text["Step.ScheduledForRequired"]);
            else scheduledFor = new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
        }

        if (!ModelState.IsValid) return Page();
        return await AfterSaveAsync(await interviews.StepAsync(Record, Version, next!.Value, scheduledFor, ct), id, text["Step.Saved"], ct);
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
            await audit.RecordAsync(c, t, new AuditEntry("Interview", Key(id), "InterviewNotesSaved", CodedText.Encode(AuditSummaries.InterviewNotesSaved, notes?.Length ?? 0)));
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
        await interviews.AddFindingAsync(id, FindingStage, finding, ct);
        TempData["Flash"] = text["Finding.Saved"].Value;
        return Redirect($"/interviews/{id}#findings");
    }

    public async Task<IActionResult> OnPostSendAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Findings.FirstOrDefault(f => f.Id == FindingId) is not { Text: not null } finding) return NotFound();
        await interviews.SendFindingAsync(Record, finding, ct);
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
        if (await interviews.FindAsync(id, ct) is not { } record) return false;
        Record = record;
        Findings = await interviews.FindingsAsync(id, ct);
        Steps = new InterviewLifecycle(record.Status).PermittedSteps;
        return true;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
