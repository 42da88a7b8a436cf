using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Cohorts;

public sealed class DetailsModel(
    Db db, CohortSteps steps, ICurrentUser user, TimeProvider time, LocalClock clock,
    IStringLocalizer<CohortsText> text) : PageModel
{
    private const int ImportsPageSize = 10;

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
        public int? CsOwnerId { get; init; }
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

    public sealed record StateCount
    {
        public ParticipantState State { get; init; }
        public int Count { get; init; }
    }

    public sealed record ImportRow
    {
        public int Id { get; init; }
        public required string FileName { get; init; }
        public required string FileSha256 { get; init; }
        public RosterImportStatus Status { get; init; }
        public int RowsRead { get; init; }
        public int RowsValid { get; init; }
        public int RowsInvalid { get; init; }
        public int RowsImported { get; init; }
        public required string UploadedBy { get; init; }
        public DateTimeOffset UploadedAt { get; init; }
        public required string ClientName { get; init; }
        public int TotalCount { get; init; }
    }

    public sealed record ReachedMilestone
    {
        public int Week { get; init; }
        public required string Name { get; init; }
        public DateOnly ReachedOn { get; init; }
    }

    public Cohort Item { get; private set; } = null!;
    public IReadOnlyList<ReachedMilestone> Reached { get; private set; } = [];

    /// <summary>The program week the cohort is in (1 on the start day), or null before the start.</summary>
    public int? ProgramWeek => Programs.ProgramWeek.Of(Item.StartDate, clock.Today);
    public IReadOnlyList<SeatRow> Seats { get; private set; } = [];
    public IReadOnlyDictionary<ParticipantState, int> ByState { get; private set; } = new Dictionary<ParticipantState, int>();
    public IReadOnlyList<FunnelStep> Funnel { get; private set; } = [];
    public int Teams { get; private set; }
    public PageOf<ImportRow> Imports { get; private set; } = new([], 1, ImportsPageSize, 0);
    public CohortStatus? NextStep { get; private set; }
    public IReadOnlyList<CohortStepRefusal> NextStepRefusals { get; private set; } = [];
    public ConcurrencyConflict? Conflict { get; private set; }
    public DateOnly EndDate => Item.Program.EndsOn(Item.StartDate);
    public int Participants => ByState.Values.Sum();

    public async Task<IActionResult> OnGetAsync(int id, int? importsPage, CancellationToken ct) =>
        await LoadAsync(id, Paging.Normalize(importsPage), ct) ? Page() : NotFound();

    /// <summary>Takes the cohort's next lifecycle step, if its guards allow it and nobody took it first.</summary>
    [HandlerPolicy(Policies.RunCohorts)]
    public async Task<IActionResult> OnPostAdvanceAsync(int id, int version, CohortStatus target, CancellationToken ct)
    {
        if (!await LoadAsync(id, 1, ct)) return NotFound();
        if (NextStep != target) return RedirectToPage(new { id });
        if (NextStepRefusals.Count > 0) return Page();

        var step = await db.InTransactionAsync((c, t) =>
            steps.TakeAsync(c, t, id, version, target, clock.Today, time.GetUtcNow(), user.Id, user.UserName, ct), ct);

        if (step.Refusals.Count > 0)
        {
            NextStepRefusals = step.Refusals;
            return Page();
        }

        if (step.LostRace)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, CohortsSql.LastChange, id, ct);
            return Page();
        }

        TempData["Flash"] = text[$"Details.Advanced.{target}", Item.Name].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, int importsPage, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var cohort = await connection.QuerySingleOrDefaultAsync<Cohort>(new CommandDefinition(CohortsSql.Find, new { Id = id }, cancellationToken: ct));
        if (cohort is null) return false;
        Item = cohort;
        Seats = [.. await connection.QueryAsync<SeatRow>(new CommandDefinition(CohortsSql.ContractsOfCohort, new { Id = id }, cancellationToken: ct))];
        ByState = (await connection.QueryAsync<StateCount>(new CommandDefinition(CohortsSql.ParticipantsByState, new { Id = id }, cancellationToken: ct)))
            .ToDictionary(s => s.State, s => s.Count);
        var exits = (await connection.QueryAsync<ExitCount>(new CommandDefinition(CohortsSql.ExitOrigins(db.Dialect), new { Id = id }, cancellationToken: ct))).ToList();
        Funnel = CohortFunnel.Build(ByState, exits, Programs.ProgramWeek.Of(cohort.StartDate, clock.Today) ?? 0);
        Teams = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CohortsSql.TeamCount, new { Id = id }, cancellationToken: ct));
        Reached = [.. await connection.QueryAsync<ReachedMilestone>(new CommandDefinition(CohortsSql.ReachedMilestones, new { Id = id }, cancellationToken: ct))];
        var imports = (await connection.QueryAsync<ImportRow>(new CommandDefinition(ImportsSql.OfCohort(db.Dialect),
            new { CohortId = id, Skip = Paging.Skip(importsPage, ImportsPageSize), Take = ImportsPageSize }, cancellationToken: ct))).ToList();
        Imports = new PageOf<ImportRow>(imports, importsPage, ImportsPageSize, imports.FirstOrDefault()?.TotalCount ?? 0);

        NextStep = CohortLifecycle.Next(cohort.Status);
        if (NextStep is { } next)
        {
            var facts = new CohortFacts(cohort.Status, cohort.ProgramVersionStatus == ProgramVersionStatus.Published,
                ByState.Where(s => s.Key.IsEnrolled()).Sum(s => s.Value), cohort.EnrolmentOpens, cohort.StartDate, cohort.Program.EndsOn(cohort.StartDate), clock.Today,
                next == CohortStatus.Reported ? await FinalReports.ClientsWithoutOneAsync(connection, id, ct) : 0);
            NextStepRefusals = CohortLifecycle.Refusals(facts, next);
        }

        return true;
    }
}
