using System.Security.Cryptography;
using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>Uploads a client's roster into a cohort: it is stored and queued for the preview, nothing is enrolled yet.</summary>
[Authorize(Policy = Policies.RunCohorts)]
[RequestSizeLimit(MaxFileBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + (1024 * 1024))]
public sealed class UploadModel(
    Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, LocalClock clock, ImportQueueSignal queue, IStringLocalizer<ImportsText> text) : PageModel
{
    /// <summary>Ten times the size of a 100,000-row roster.</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    public sealed record Command
    {
        public int ContractId { get; init; }
        public RosterEncoding Encoding { get; init; } = RosterEncoding.Auto;
    }

    public sealed record ContractChoice
    {
        public int ContractId { get; init; }
        public required string ClientName { get; init; }
        public required string ProgramName { get; init; }
        public int Capacity { get; init; }
    }

    public sealed record EarlierUpload
    {
        public int Id { get; init; }
        public RosterImportStatus Status { get; init; }
        public required string UploadedBy { get; init; }
        public DateTimeOffset UploadedAt { get; init; }
    }

    [BindProperty] public Command Input { get; set; } = new();
    [BindProperty] public IFormFile? Roster { get; set; }
    [BindProperty] public Guid SubmissionToken { get; set; }

    public ImportCohort Cohort { get; private set; } = null!;
    public IReadOnlyList<ContractChoice> Contracts { get; private set; } = [];
    public EarlierUpload? SameFile { get; private set; }
    public ImportRefusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cohortId, CancellationToken ct)
    {
        SubmissionToken = Guid.NewGuid();
        return await LoadAsync(cohortId, ct) ? Page() : NotFound();
    }

    /// <summary>An empty roster with the recognised headers, in UTF-8 (with a BOM, for Excel) or in CP932.</summary>
    public IActionResult OnGetTemplate(RosterEncoding encoding) =>
        encoding is RosterEncoding.Utf8 or RosterEncoding.ShiftJis
            ? File(RosterTemplate.Write(encoding), RosterProblemsCsv.ContentType(encoding), RosterTemplate.FileName(encoding))
            : BadRequest();

    public async Task<IActionResult> OnPostAsync(int cohortId, CancellationToken ct)
    {
        if (!await LoadAsync(cohortId, ct)) return NotFound();
        if (Refusal is { } refusal) ModelState.AddModelError("", RefusalText(refusal));
        if (Contracts.All(c => c.ContractId != Input.ContractId))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Command.ContractId)}", text["Upload.ChooseContract"]);
        if (Roster is null || Roster.Length == 0) ModelState.AddModelError(nameof(Roster), text["Upload.ChooseFile"]);
        else if (Roster.Length > MaxFileBytes) ModelState.AddModelError(nameof(Roster), text["Upload.TooLarge", MaxFileBytes / (1024 * 1024)]);
        if (!ModelState.IsValid) return Page();

        var hash = await HashAsync(Roster!, ct);
        var importId = await db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, SubmissionToken, "RosterImport") is { } earlier) return earlier;
            SameFile = await c.QueryFirstOrDefaultAsync<EarlierUpload>(new CommandDefinition(ImportsSql.SameFile,
                new { FileSha256 = hash, CohortId = cohortId, Id = 0 }, t, cancellationToken: ct));
            if (SameFile is not null) return (int?)null;

            var now = time.GetUtcNow();
            await using var content = Roster!.OpenReadStream();
            var id = await RosterUpload.StoreAsync(c, t, db.Dialect,
                new RosterUploadRequest(cohortId, Input.ContractId, Roster.FileName, Input.Encoding, user.Id, user.UserName), content, now, ct);
            await FormSubmissions.RecordAsync(c, t, SubmissionToken, "RosterImport", id, now);
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(), "RosterUploaded",
                CodedText.Encode(AuditSummaries.RosterUploaded, Roster.FileName, Roster.Length, id)));
            return id;
        }, ct);

        if (importId is null)
        {
            ModelState.AddModelError(nameof(Roster), text["Upload.SameFile", SameFile!.Id, SameFile.UploadedBy]);
            return Page();
        }

        queue.Wake();
        return RedirectToPage("Details", new { cohortId, id = importId });
    }

    /// <summary>Why the cohort takes no roster today, naming the day that decides it.</summary>
    public string RefusalText(ImportRefusal refusal) => text[$"Upload.Refused.{refusal}",
        Cohort.EnrolmentCloses.ToString("yyyy-MM-dd"), Cohort.LastLateJoinDay?.ToString("yyyy-MM-dd") ?? ""];

    private static async Task<string> HashAsync(IFormFile file, CancellationToken ct)
    {
        await using var content = file.OpenReadStream();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
    }

    private async Task<bool> LoadAsync(int cohortId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var cohort = await connection.QuerySingleOrDefaultAsync<ImportCohort>(new CommandDefinition(ImportsSql.Cohort, new { Id = cohortId }, cancellationToken: ct));
        if (cohort is null) return false;
        Cohort = cohort;
        Refusal = cohort.ImportRefusalOn(clock.Today);
        Contracts = [.. await connection.QueryAsync<ContractChoice>(new CommandDefinition(CohortsSql.ContractsOfCohort, new { Id = cohortId }, cancellationToken: ct))];
        return true;
    }
}
