using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Cohorts;

public sealed class DetailsModel(
    Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, LocalClock clock,
    IAuthorizationService authorization, IStringLocalizer<CohortsText> text) : PageModel
{
    public sealed record Cohort
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public CohortStatus Status { get; init; }
        public DateOnly EnrolmentOpens { get; init; }
        public DateOnly EnrolmentCloses { get; init; }
        public DateOnly StartDate { get; init; }
        public int ProgramId { get; init; }
        public required string ProgramCode { get; init; }
        public int VersionNumber { get; init; }
        public ProgramVersionStatus ProgramVersionStatus { get; init; }
        public required string Definition { get; init; }
        public string? CsOwnerName { get; init; }
        public int Version { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public required string UpdatedBy { get; init; }

        public ProgramDefinition Program => ProgramDefinitionJson.Deserialize(Definition);
    }

    public sealed record SeatRow
    {
        public int ContractId { get; init; }
        public int Capacity { get; init; }
        public required string ProgramName { get; init; }
        public int Seats { get; init; }
        public int ClientId { get; init; }
        public required string ClientName { get; init; }
    }

    public Cohort Item { get; private set; } = null!;
    public IReadOnlyList<SeatRow> Seats { get; private set; } = [];
    public ConcurrencyConflict? Conflict { get; private set; }
    public IReadOnlyList<CohortStepRefusal> EnrolmentRefusals { get; private set; } = [];
    public DateOnly EndDate => Item.StartDate.AddDays(Item.Program.DurationWeeks * 7);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Planned → Enrolling: the recruitment window is open.</summary>
    public async Task<IActionResult> OnPostOpenEnrolmentAsync(int id, int version, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RunCohorts)).Succeeded) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (EnrolmentRefusals.Count > 0) return Page();

        var opened = await db.InTransactionAsync(async (c, t) =>
        {
            var rows = await c.ExecuteAsync(CohortsSql.SetStatus, new
            {
                Id = id, Version = version, From = nameof(CohortStatus.Planned), Status = nameof(CohortStatus.Enrolling), Now = time.GetUtcNow(), Actor = user.UserName,
            }, t);
            if (rows == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", id.ToString(), "EnrolmentOpened", Item.Name));
            return true;
        }, ct);

        if (!opened)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, CohortsSql.LastChange, id, ct);
            return Page();
        }

        TempData["Flash"] = text["Details.EnrolmentOpened", Item.Name].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var cohort = await connection.QuerySingleOrDefaultAsync<Cohort>(new CommandDefinition(CohortsSql.Find, new { Id = id }, cancellationToken: ct));
        if (cohort is null) return false;
        Item = cohort;
        Seats = (await connection.QueryAsync<SeatRow>(new CommandDefinition(CohortsSql.ContractsOfCohort, new { Id = id }, cancellationToken: ct))).ToList();
        if (cohort.Status == CohortStatus.Planned)
        {
            var facts = new CohortFacts(cohort.Status, cohort.ProgramVersionStatus == ProgramVersionStatus.Published,
                EnrolledParticipants: 0 /* nobody enrols before enrolment opens */, cohort.StartDate, cohort.Program.DurationWeeks, clock.Today);
            EnrolmentRefusals = CohortLifecycle.Refusals(facts, CohortStatus.Enrolling);
        }

        return true;
    }
}
