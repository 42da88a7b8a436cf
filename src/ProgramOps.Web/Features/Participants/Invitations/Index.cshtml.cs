namespace ProgramOps.Web.Features.Participants.Invitations;

/// <summary>
/// Invitations reach people: after a roster is enrolled, staff download the letters (PDF, one A4 page each) and the codes
/// (CSV, for the client's own mail merge), see who has not linked the app after N days and export a reminder list. Every
/// download is audited.
/// </summary>
public sealed class IndexModel(Db db, InvitationFiles files, AuditTrail audit, LocalClock clock, IStringLocalizer<InvitationsText> text) : PageModel
{
    public const int DefaultDays = 7;
    public const int MaxDays = 365;

    /// <summary>The list on the page stops here; the reminder export holds everyone.</summary>
    public const int Shown = 200;

    /// <summary>Only one client's people (a joint cohort's clients each mail their own).</summary>
    [BindProperty(SupportsGet = true)] public int? Client { get; set; }

    /// <summary>Not linked this many days after the invitation.</summary>
    [BindProperty(SupportsGet = true)] public int? Days { get; set; }

    public InvitingCohort Cohort { get; private set; } = null!;
    public IReadOnlyList<NamedId> Clients { get; private set; } = [];
    public IReadOnlyList<Invitee> Invited { get; private set; } = [];
    public IReadOnlyList<Invitee> NotLinked { get; private set; } = [];
    public int DaysWaited => Math.Clamp(Days ?? DefaultDays, 0, MaxDays);
    public bool CanPrint => files.CanPrint;
    public string? Problem { get; private set; }

    public DateOnly InvitedOn(Invitee invitee) => DateOnly.FromDateTime(clock.ToLocal(invitee.InvitedAt).DateTime);

    public async Task<IActionResult> OnGetAsync(int cohortId, CancellationToken ct) => await LoadAsync(cohortId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLettersAsync(int cohortId, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, ct)) return NotFound();
        if (Invited.Count == 0) return Refuse(text["Refused.NobodyInvited"]);
        var pdf = await files.LettersPdfAsync(Cohort, Invited, ct);
        if (pdf is null) return Refuse(text["Refused.NoPrinter", Outcomes.PdfPrinter.InstallCommand]);
        await RecordAsync("InvitationLettersDownloaded", Invited.Count, ct);
        return File(pdf, "application/pdf", FileName("letters", "pdf"));
    }

    public async Task<IActionResult> OnPostCodesAsync(int cohortId, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, ct)) return NotFound();
        if (Invited.Count == 0) return Refuse(text["Refused.NobodyInvited"]);
        await RecordAsync("InvitationCodesDownloaded", Invited.Count, ct);
        return File(InvitationFiles.CodesCsv(Cohort, Invited), "text/csv; charset=utf-8", FileName("codes", "csv"));
    }

    public async Task<IActionResult> OnPostRemindersAsync(int cohortId, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, ct)) return NotFound();
        if (NotLinked.Count == 0) return Refuse(text["Refused.NobodyWaiting", DaysWaited]);
        await RecordAsync("InvitationRemindersDownloaded", NotLinked.Count, ct);
        return File(InvitationFiles.RemindersCsv(Cohort, NotLinked, InvitedOn, clock.Today), "text/csv; charset=utf-8", FileName($"reminders-{DaysWaited}d", "csv"));
    }

    private IActionResult Refuse(string problem)
    {
        Problem = problem;
        return Page();
    }

    private Task RecordAsync(string action, int people, CancellationToken ct) =>
        db.InTransactionAsync((c, t) => audit.RecordAsync(c, t, new AuditEntry("Cohort", Cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), action,
            Client is { } client ? $"{people} ({Clients.FirstOrDefault(x => x.Id == client)?.Name})" : $"{people}")), ct);

    private string FileName(string what, string extension) =>
        $"invitations-{Cohort.Id:D5}{(Client is { } client ? $"-client{client}" : "")}-{what}.{extension}";

    private async Task<bool> LoadAsync(int cohortId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var cohort = await connection.QuerySingleOrDefaultAsync<InvitingCohort>(new CommandDefinition(InvitationsSql.Cohort, new { CohortId = cohortId }, cancellationToken: ct));
        if (cohort is null) return false;
        Cohort = cohort;
        Clients = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(InvitationsSql.Clients, new { CohortId = cohortId }, cancellationToken: ct))];
        var invited = (await connection.QueryAsync<Invitee>(new CommandDefinition(InvitationsSql.Invited,
            new { CohortId = cohortId, ClientId = Client, InvitedBefore = clock.UtcNow }, cancellationToken: ct))).AsList();
        Invited = invited;
        var waitedSince = clock.UtcNow.AddDays(-DaysWaited);
        NotLinked = [.. invited.Where(p => p.InvitedAt <= waitedSince)];
        return true;
    }
}
