using System.Globalization;
using System.Text;
using CsvHelper;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Features.Events;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Supplies;
using ProgramOps.Web.Features.Teams;
using ProgramOps.Web.Infrastructure.Jobs;

namespace ProgramOps.Web.Features.Demo;

/// <summary>A cohort the demo plays out from its planning to today.</summary>
/// <param name="ReturnsFirstRefill">The first refill shipped to this cohort comes back with an address problem (for a cohort still running: a supplies action to show).</param>
public sealed record DemoPastCohort(string Name, IReadOnlyList<DemoSeats> Seats, DateOnly StartDate, DateOnly LastScriptDay, int Seed, bool ReturnsFirstRefill);

/// <summary>What the play-out sent through the events path.</summary>
public sealed record DemoPlayOutResult(int EventsAccepted, IReadOnlyList<EventResult> EventsRejected);

/// <summary>
/// Plays out past cohorts day by day, through the same code the console runs in life, with a clock standing on each
/// past day (<see cref="PlayOutTime"/>): each morning the daily jobs (program clock, engagement watch, team health,
/// supplies); in office hours what CS does (plan the cohort, open enrolment and import the rosters, form teams and
/// onboard, start the cohort, record withdrawals, export due shipments) and the fulfilment partner's status file; in
/// the evening the day's app events, in batches, through <see cref="EventIngestion"/> as <c>POST /api/v1/events</c>
/// applies them. Nothing is written here that the owning features do not write themselves.
/// </summary>
public sealed class DemoPlayOut
{
    public const string IntegrationName = "ベースアプリ（デモ）";

    /// <summary>Who the demo's set-up (programs, the base app's API key) is attributed to; staff work is the staff member's.</summary>
    public const string SetUpActor = "demo";
    public const int PlannedDaysBeforeStart = 42;
    public const int TeamsDaysBeforeStart = 7;

    private const string WithdrawalReason = "本人から同意撤回の申し出（電話）";
    private const string OnboardingReason = "チーム編成済み：オンボーディング開始";
    private const string RefillProblemNote = "宛先不明で返送（転居）";

    private readonly Db db;
    private readonly LocalClock realClock;
    private readonly ApiKeySecrets secrets;
    private readonly DemoStaffMember staff;
    private readonly PlayOutTime time;
    private readonly LocalClock clock;
    private readonly AuditTrail audit;
    private readonly CohortTeams teams;
    private readonly CohortSteps steps;
    private readonly ParticipantTransitions transitions;
    private readonly EventIngestion ingestion;
    private readonly RosterImportProcessor imports;
    private readonly IReadOnlyList<RecordedJob> morningJobs;
    private readonly ILogger logger;
    private readonly Dictionary<DateOnly, List<(long ShipmentId, string Status, string? Note)>> partnerReports = [];

    public DemoPlayOut(Db db, LocalClock realClock, ApiKeySecrets secrets, DemoStaffMember staff, DateTimeOffset startAt, ILoggerFactory loggers)
    {
        (this.db, this.realClock, this.secrets, this.staff) = (db, realClock, secrets, staff);
        time = new PlayOutTime(startAt);
        clock = new LocalClock(time, realClock.Zone);
        audit = new AuditTrail(staff, time);
        teams = new CohortTeams(db, audit, time);
        steps = new CohortSteps(audit, teams);
        transitions = new ParticipantTransitions(audit, time);
        ingestion = new EventIngestion(db, transitions, new FeedbackRouting(db, time), audit, time);
        imports = new RosterImportProcessor(db, clock, audit, teams, new ImportProgressBoard(), ImportWorkerIdentity.OfThisProcess(), loggers.CreateLogger<RosterImportProcessor>());
        var batches = new ParticipantBatches(db, audit, time);
        // In the order of their daily schedule.
        morningJobs =
        [
            new ProgramClockJob(db, batches, audit, clock, loggers.CreateLogger<ProgramClockJob>()),
            new EngagementWatchJob(db, batches, clock, loggers.CreateLogger<EngagementWatchJob>()),
            new TeamHealthJob(db, clock, loggers.CreateLogger<TeamHealthJob>()),
            new SuppliesJob(db, clock, loggers.CreateLogger<SuppliesJob>()),
        ];
        logger = loggers.CreateLogger<DemoPlayOut>();
    }

    /// <summary>The first day the play-out needs: the earliest cohort's planning. The clock may start earlier (the programs' publication).</summary>
    public static DateOnly FirstDay(IEnumerable<DemoPastCohort> cohorts) => cohorts.Min(c => c.StartDate).AddDays(-PlannedDaysBeforeStart);

    /// <summary>Plays the cohorts out from <see cref="FirstDay"/> to today's morning jobs.</summary>
    /// <returns>The cohorts' ids, in the order given, and what the events path said.</returns>
    public async Task<(IReadOnlyList<int> CohortIds, DemoPlayOutResult Result)> PlayAsync(int programVersionId, IReadOnlyList<DemoPastCohort> cohorts, CancellationToken ct)
    {
        var played = cohorts.Select(plan => new PlayedCohort(plan)).ToList();
        var first = FirstDay(cohorts);
        // Made before the transaction: the first secret may create the data-protection key, which is stored in the database too.
        var key = secrets.Create();
        var integration = await db.InTransactionAsync(async (c, t) => new Integration(
            await ApiKeyRegistration.InsertAsync(c, t, db.Dialect, audit, IntegrationName, key, time.GetUtcNow(), null, SetUpActor), IntegrationName), ct);

        var accepted = 0;
        var rejected = new List<EventResult>();
        for (var day = first; day < realClock.Today; day = day.AddDays(1))
        {
            MoveTo(day, 6);
            await RunMorningJobsAsync(ct);
            MoveTo(day, 10);
            foreach (var cohort in played) await DoOfficeWorkAsync(cohort, programVersionId, day, ct);
            await ExportDueShipmentsAsync(played, day, ct);
            await ApplyPartnerFileAsync(day, ct);
            MoveTo(day, 23);
            var (dayAccepted, dayRejected) = await SendAppEventsAsync(integration, played.SelectMany(cohort => cohort.EventsOn(day)).OrderBy(e => e.OccurredAt).ToList(), ct);
            accepted += dayAccepted;
            rejected.AddRange(dayRejected);
        }

        time.MoveTo(realClock.UtcNow);
        await RunMorningJobsAsync(ct);
        foreach (var refused in rejected) logger.LogWarning("Demo event {Id} was rejected: {Reason}", refused.Id, refused.Reason);
        return ([.. played.Select(cohort => cohort.Id)], new DemoPlayOutResult(accepted, rejected));
    }

    private void MoveTo(DateOnly day, int hour) => time.MoveTo(clock.StartOf(day).AddHours(hour));

    private async Task RunMorningJobsAsync(CancellationToken ct)
    {
        foreach (var job in morningJobs) await job.RunAsync(ct);
    }

    private async Task DoOfficeWorkAsync(PlayedCohort cohort, int programVersionId, DateOnly day, CancellationToken ct)
    {
        var plan = cohort.Plan;
        var daysToStart = plan.StartDate.DayNumber - day.DayNumber;
        if (daysToStart == PlannedDaysBeforeStart) await PlanAsync(cohort, programVersionId, ct);
        else if (daysToStart == DemoAppScript.InvitedDaysBeforeStart) await OpenEnrolmentAsync(cohort, ct);
        else if (daysToStart == TeamsDaysBeforeStart) await FormTeamsAndOnboardAsync(cohort, ct);
        else if (daysToStart == 0) await StepAsync(cohort.Id, CohortStatus.Running, ct);

        foreach (var withdrawal in cohort.Script?.Participants.Where(p => p.WithdrawOn == day) ?? [])
        {
            await db.InTransactionAsync(async (c, t) =>
            {
                var participant = await ParticipantRecord.FindByCodeAsync(c, t, withdrawal.InvitationCode, ct);
                return await transitions.FireAsync(c, t, participant!, participant!.Version, (l, cause) => l.Fire(ParticipantTrigger.Withdraw, cause),
                    staff.Id, staff.UserName, WithdrawalReason, eventId: null, ct);
            }, ct);
        }
    }

    private async Task PlanAsync(PlayedCohort cohort, int programVersionId, CancellationToken ct)
    {
        var plan = cohort.Plan;
        cohort.Id = await db.InTransactionAsync(async (c, t) =>
        {
            var id = await DemoCohorts.CreateAsync(c, t, db.Dialect,
                new DemoCohortPlan(plan.Name, programVersionId, plan.Seats, plan.StartDate, CohortStatus.Planned), time.GetUtcNow(), staff.UserName);
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", id.ToString(CultureInfo.InvariantCulture), "Created",
                $"{plan.Name}: {string.Join(", ", plan.Seats.Select(s => $"#{s.ContractId}×{s.Capacity}"))}"));
            return id;
        }, ct);
    }

    private async Task OpenEnrolmentAsync(PlayedCohort cohort, CancellationToken ct)
    {
        await StepAsync(cohort.Id, CohortStatus.Enrolling, ct);
        foreach (var (seats, i) in cohort.Plan.Seats.Select((seats, i) => (seats, i)))
        {
            await DemoRosterImport.RunAsync(db, clock, imports, cohort.Id, seats, cohort.Plan.Seed + i, $"K{cohort.Id}{i}-",
                $"c{seats.ContractId}.example.jp", staff.Id, staff.UserName, ct);
        }

        await using var connection = await db.OpenAsync(ct);
        var codes = (await connection.QueryAsync<string>(new CommandDefinition(DemoSql.InvitationCodes, new { CohortId = cohort.Id }, cancellationToken: ct))).ToList();
        var program = ProgramTemplates.SmokingCessation;
        cohort.Script = DemoAppScript.Write(cohort.Plan.Seed, cohort.Plan.StartDate, cohort.Plan.LastScriptDay, TimeZoneInfo.FindSystemTimeZoneById(program.TimeZone), codes);
    }

    /// <summary>A week before the start CS forms the teams and starts everyone enrolled on their onboarding, as the bulk step does.</summary>
    private async Task FormTeamsAndOnboardAsync(PlayedCohort cohort, CancellationToken ct)
    {
        await db.InTransactionAsync((c, t) => teams.FormAsync(c, t, cohort.Id, staff.UserName, staff.Id, ct), ct);
        await db.InTransactionAsync(async (c, t) =>
        {
            foreach (var (id, version) in await c.QueryAsync<(long, int)>(new CommandDefinition(DemoSql.EnrolledInTeams, new { CohortId = cohort.Id }, t, cancellationToken: ct)))
            {
                await transitions.FireAsync(c, t, id, version, (l, cause) => l.Fire(ParticipantTrigger.StartOnboarding, cause), staff.Id, staff.UserName, OnboardingReason, eventId: null, ct);
            }
        }, ct);
    }

    /// <summary>The cohort's next step, taken only where its guards allow it (a demo whose dates break a guard is a bug, and says so).</summary>
    private async Task StepAsync(int cohortId, CohortStatus target, CancellationToken ct)
    {
        var step = await db.InTransactionAsync(async (c, t) =>
        {
            var version = await c.ExecuteScalarAsync<int>(new CommandDefinition(CohortsSql.VersionOf, new { Id = cohortId }, t, cancellationToken: ct));
            return await steps.TakeAsync(c, t, cohortId, version, target, clock.Today, time.GetUtcNow(), staff.Id, staff.UserName, ct);
        }, ct);
        if (step.Refusals.Count > 0)
            throw new InvalidOperationException($"Demo cohort {cohortId} cannot move to {target} on {clock.Today:yyyy-MM-dd}: {string.Join(", ", step.Refusals)}.");
        if (step.LostRace) throw new InvalidOperationException($"Demo cohort {cohortId} changed while it moved to {target}.");
    }

    /// <summary>CS exports what is due each morning; the partner ships it the next day and delivers it two days later.</summary>
    private async Task ExportDueShipmentsAsync(IReadOnlyList<PlayedCohort> cohorts, DateOnly day, CancellationToken ct)
    {
        var exportId = await db.InTransactionAsync((c, t) =>
            ShipmentWrites.ExportDueAsync(c, t, db.Dialect, audit, cohortId: null, Guid.NewGuid(), staff.UserName, time.GetUtcNow(), day), ct);
        if (exportId is not { } id) return;

        var returning = cohorts.Where(c => c.Plan.ReturnsFirstRefill && !c.RefillReturned).ToDictionary(c => c.Plan.Name);
        using var reader = new StreamReader(new MemoryStream(await ShipmentExportFile.ContentAsync(db, id, ct)), Encoding.UTF8);
        await using var csv = CsvReader.Create(reader, new CsvReaderOptions { Separator = ',', HasHeader = true });
        await csv.ReadHeaderAsync(ct);
        var column = ShipmentExportFile.Columns.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        while (await csv.ReadAsync(ct))
        {
            var shipmentId = long.Parse(csv.GetString(column["shipment_id"]), CultureInfo.InvariantCulture);
            if (csv.GetString(column["week"]) != "0" && returning.Remove(csv.GetString(column["cohort"]), out var cohort))
            {
                cohort.RefillReturned = true;
                Report(day.AddDays(1), shipmentId, "address_problem", RefillProblemNote);
                continue;
            }

            Report(day.AddDays(1), shipmentId, "shipped", null);
            Report(day.AddDays(3), shipmentId, "delivered", null);
        }
    }

    private void Report(DateOnly on, long shipmentId, string status, string? note)
    {
        if (!partnerReports.TryGetValue(on, out var reports)) partnerReports[on] = reports = [];
        reports.Add((shipmentId, status, note));
    }

    /// <summary>The partner's status file of the day, read and applied as the supplies import page does.</summary>
    private async Task ApplyPartnerFileAsync(DateOnly day, CancellationToken ct)
    {
        if (!partnerReports.Remove(day, out var reports)) return;
        var text = new StringBuilder("shipment_id,status,date,tracking_number,note\r\n");
        foreach (var (shipmentId, status, note) in reports)
            text.Append(CultureInfo.InvariantCulture, $"{shipmentId},{status},{day:yyyy-MM-dd},{(status == "shipped" ? $"4912-{shipmentId:D8}" : "")},{note}\r\n");
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var (rows, problems) = await PartnerFile.ReadAsync(file, ct);
        var fileName = $"status_{day:yyyyMMdd}.csv";
        var result = problems.Count > 0 ? null : await db.InTransactionAsync((c, t) =>
            ShipmentWrites.ApplyPartnerFileAsync(c, t, audit, rows, fileName, staff.UserName, time.GetUtcNow(), day), ct);
        if (result is null || result.Problems.Count > 0)
            throw new InvalidOperationException($"The demo partner file {fileName} was refused: {string.Join("; ", (result?.Problems ?? problems).Select(p => $"line {p.Line} {p.Column} {p.Code}"))}.");
    }

    private async Task<(int Accepted, IReadOnlyList<EventResult> Rejected)> SendAppEventsAsync(Integration integration, IReadOnlyList<DemoAppEvent> events, CancellationToken ct)
    {
        var accepted = 0;
        var rejected = new List<EventResult>();
        foreach (var batch in events.Chunk(EventBatch.MaxEvents))
        {
            var response = await ingestion.ApplyAsync(integration, [.. batch.Select(e => e.ToIncoming())], ct);
            accepted += response.Accepted;
            rejected.AddRange(response.Results.Where(r => r.Status != EventStatus.Accepted));
        }

        return (accepted, rejected);
    }

    private sealed class PlayedCohort(DemoPastCohort plan)
    {
        private ILookup<DateOnly, DemoAppEvent>? eventsByDay;
        private DemoCohortScript? script;

        public DemoPastCohort Plan { get; } = plan;
        public int Id { get; set; }
        public bool RefillReturned { get; set; }

        public DemoCohortScript? Script
        {
            get => script;
            set
            {
                script = value;
                eventsByDay = value?.Events.ToLookup(e => e.Day);
            }
        }

        public IEnumerable<DemoAppEvent> EventsOn(DateOnly day) => eventsByDay?[day] ?? [];
    }
}
