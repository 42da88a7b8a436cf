using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Features.Events;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Teams;

namespace ProgramOps.Web.Features.Demo;

/// <summary>
/// Gives the demo console living cohorts: both program templates published; two past cohorts played out through the
/// real events path and jobs (<see cref="DemoPlayOut"/>) — a joint cohort of two health-insurance societies that has
/// completed its 12 weeks, and a cohort in its fifth week; and upcoming cohorts on the largest demo contracts whose
/// generated rosters go through the real import (stored, checked, committed), with teams for the first.
/// </summary>
public sealed class DemoCohortLoader(
    Db db, LocalClock clock, RosterImportProcessor imports, CohortTeams teams, ApiKeySecrets secrets, ILoggerFactory loggers, ILogger<DemoCohortLoader> logger)
{
    private const string Actor = DemoPlayOut.SetUpActor;
    private const int UpcomingCohorts = 3;
    private const int ContractsConsidered = 20;

    /// <summary>Seats in the completed joint cohort, per client.</summary>
    public static readonly int[] JointCapacities = [48, 36];

    private sealed record ContractRow
    {
        public int Id { get; init; }
        public int ClientId { get; init; }
        public required string ClientName { get; init; }
        public int Seats { get; init; }
        public required string Kind { get; init; }
        public DateOnly StartDate { get; init; }
    }

    /// <summary>Loads the demo programs and cohorts unless a program exists already.</summary>
    public async Task LoadIfNoProgramsAsync(int participantsPerCohort, CancellationToken ct = default)
    {
        var contracts = await LargestActiveContractsAsync(ct);
        var past = PastCohorts(contracts.Skip(UpcomingCohorts).ToList(), participantsPerCohort);
        // A week before the first past cohort is planned; the play-out's clock starts there.
        var publishedAt = past.Count > 0 ? clock.StartOf(DemoPlayOut.FirstDay(past).AddDays(-7)).AddHours(9) : clock.UtcNow;
        var smoking = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<int>(DemoSql.CountPrograms, transaction: t) > 0) return (int?)null;
            var smoking = await DemoCohorts.PublishAsync(c, t, db.Dialect, ProgramTemplates.SmokingCessation, publishedAt, Actor);
            await DemoCohorts.PublishAsync(c, t, db.Dialect, ProgramTemplates.WeightManagement, publishedAt, Actor);
            return smoking;
        }, ct);
        if (smoking is not { } versionId) return;

        if (past.Count > 0) await PlayOutAsync(versionId, past, publishedAt, ct);
        await PlanUpcomingAsync(versionId, contracts.Take(UpcomingCohorts).ToList(), participantsPerCohort, ct);
    }

    private async Task<List<ContractRow>> LargestActiveContractsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return [.. await connection.QueryAsync<ContractRow>(new CommandDefinition(DemoSql.LargestActiveContracts(db.Dialect),
            new { Skip = 0, Take = ContractsConsidered }, cancellationToken: ct))];
    }

    /// <summary>
    /// A joint cohort of two clients (health-insurance societies where there are two) that started on a Monday 14–15 weeks
    /// ago, so its 12 weeks and the final-answer week are over; and one that started 31 days ago, in its fifth week with
    /// its week-4 refills out for three days. Both on contracts that had begun before the cohort was planned where there
    /// are such. The joint cohort's seed gives fates near the field's published figures (see README "Demo data").
    /// </summary>
    private List<DemoPastCohort> PastCohorts(List<ContractRow> contracts, int participantsPerCohort)
    {
        var today = clock.Today;
        var completedStart = MondayOnOrBefore(today.AddDays(-100));
        var runningStart = today.AddDays(-31);
        var joint = contracts.Where(c => c.Kind == "HealthInsuranceSociety").Concat(contracts)
            .OrderBy(c => c.StartDate > completedStart.AddDays(-DemoPlayOut.PlannedDaysBeforeStart))
            .DistinctBy(c => c.ClientId).Take(JointCapacities.Length).ToList();
        var single = contracts.Where(c => joint.All(j => j.ClientId != c.ClientId))
            .OrderBy(c => c.StartDate > runningStart.AddDays(-DemoPlayOut.PlannedDaysBeforeStart)).FirstOrDefault();
        if (joint.Count < JointCapacities.Length || single is null)
        {
            logger.LogInformation("Too few demo contracts to play out past cohorts.");
            return [];
        }

        return
        [
            new($"{joint[0].ClientName}・{joint[1].ClientName} 共同実施 禁煙プログラム {completedStart:yyyy年M月}開始",
                [.. joint.Select((c, i) => new DemoSeats(c.Id, Math.Min(c.Seats, JointCapacities[i])))], completedStart,
                completedStart.AddDays(DemoAppScript.ProgramDays + ProgramClockJob.FinalAnswerDays), Seed: 53, ReturnsFirstRefill: false),
            new($"{single.ClientName} 禁煙プログラム {runningStart:yyyy年M月}開始", [new(single.Id, Math.Min(single.Seats, participantsPerCohort))],
                runningStart, today.AddDays(-1), Seed: 12, ReturnsFirstRefill: true),
        ];
    }

    private static DateOnly MondayOnOrBefore(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private async Task PlayOutAsync(int smokingVersionId, IReadOnlyList<DemoPastCohort> past, DateTimeOffset startAt, CancellationToken ct)
    {
        int? csUserId;
        var cs = DemoDataGenerator.Staff.First(s => s.Role == Roles.ProgramCS).UserName;
        await using (var connection = await db.OpenAsync(ct))
        {
            csUserId = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(DemoSql.FindUserId, new { UserName = cs }, cancellationToken: ct));
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var playOut = new DemoPlayOut(db, clock, secrets, new DemoStaffMember(csUserId, cs), startAt, loggers);
        var (cohortIds, result) = await playOut.PlayAsync(smokingVersionId, past, ct);
        var staff = new DemoStaffMember(csUserId, cs);
        if (await new DemoInterviews(db, clock, staff).RunAsync(cohortIds[0], ct) is { } issueId)
            await new DemoInitiative(db, clock, staff, loggers).RunAsync(issueId, cohortIds[0], past[0].StartDate, ct);
        logger.LogInformation("Demo cohorts played out in {Seconds:0.0} s: {Accepted} app events accepted, {Rejected} rejected.",
            started.Elapsed.TotalSeconds, result.EventsAccepted, result.EventsRejected.Count);
    }

    private async Task PlanUpcomingAsync(int smokingVersionId, List<ContractRow> contracts, int participantsPerCohort, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var plans = contracts.Select((contract, i) => new DemoCohortPlan(
            $"{contract.ClientName} 禁煙プログラム 第{i + 1}期", smokingVersionId, [new(contract.Id, Math.Min(contract.Seats, participantsPerCohort))],
            clock.Today.AddDays(21 + (28 * i)), i == 2 ? CohortStatus.Planned : CohortStatus.Enrolling)).ToList();
        var cohorts = await db.InTransactionAsync(async (c, t) =>
        {
            var ids = new List<(int CohortId, DemoCohortPlan Plan)>();
            foreach (var plan in plans) ids.Add((await DemoCohorts.CreateAsync(c, t, db.Dialect, plan, now, Actor), plan));
            return ids;
        }, ct);

        foreach (var (cohortId, plan) in cohorts.Where(c => c.Plan.Status == CohortStatus.Enrolling))
        {
            await DemoRosterImport.RunAsync(db, clock, imports, cohortId, plan.Seats[0], cohortId, $"C{cohortId}-", "example.co.jp", null, Actor, ct);
        }

        // The first cohort shows its teams, as CS would have formed them ahead of the start.
        if (cohorts.Count > 0) await db.InTransactionAsync((c, t) => teams.FormAsync(c, t, cohorts[0].CohortId, Actor, null, ct), ct);

        if (cohorts.Count > 0) logger.LogInformation("Demo programs and {Cohorts} cohorts loaded.", cohorts.Count);
    }
}
