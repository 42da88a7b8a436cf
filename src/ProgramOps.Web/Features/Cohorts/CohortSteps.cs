using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Teams;

namespace ProgramOps.Web.Features.Cohorts;

/// <summary>What a step came to: taken, refused by the cohort's guards (with why), or lost to someone else's change.</summary>
public sealed record CohortStepOutcome(bool Taken, IReadOnlyList<CohortStepRefusal> Refusals)
{
    public bool LostRace => !Taken && Refusals.Count == 0;
}

/// <summary>
/// Takes a cohort's next lifecycle step inside the caller's transaction, for the cohort page and the demo's play-out:
/// the step's guards (<see cref="CohortLifecycle.Refusals"/>) are checked on what the database holds inside that
/// transaction, the status moves only if nobody moved the cohort since <c>version</c>, with its audit row, and a cohort
/// that starts running has its teams formed (everyone starts on one day, in a team).
/// </summary>
public sealed class CohortSteps(AuditTrail audit, CohortTeams teams)
{
    private sealed record StepFacts
    {
        public required string Name { get; init; }
        public CohortStatus Status { get; init; }
        public DateOnly EnrolmentOpens { get; init; }
        public DateOnly StartDate { get; init; }
        public ProgramVersionStatus ProgramVersionStatus { get; init; }
        public required string Definition { get; init; }
        public int EnrolledParticipants { get; init; }
    }

    public async Task<CohortStepOutcome> TakeAsync(
        DbConnection c, DbTransaction t, int cohortId, int version, CohortStatus target, DateOnly today, DateTimeOffset now, int? actorUserId, string actor,
        CancellationToken ct)
    {
        var cohort = await c.QuerySingleAsync<StepFacts>(new CommandDefinition(CohortsSql.StepFacts, new { CohortId = cohortId }, t, cancellationToken: ct));
        var facts = new CohortFacts(cohort.Status, cohort.ProgramVersionStatus == ProgramVersionStatus.Published, cohort.EnrolledParticipants,
            cohort.EnrolmentOpens, cohort.StartDate, ProgramDefinitionJson.Deserialize(cohort.Definition).EndsOn(cohort.StartDate), today,
            target == CohortStatus.Reported ? await FinalReports.ClientsWithoutOneAsync(c, cohortId, ct, t) : 0);
        if (CohortLifecycle.Refusals(facts, target) is { Count: > 0 } refusals) return new CohortStepOutcome(false, refusals);

        if (!await CohortPlanning.SetStatusAsync(c, t, cohortId, version, cohort.Status, target, now, actor, ct)) return new CohortStepOutcome(false, []);
        await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Cohort{target}", cohort.Name,
            new Dictionary<string, FieldChange> { ["Status"] = new(cohort.Status.ToString(), target.ToString()) }), actorUserId, actor);
        if (target == CohortStatus.Running) await teams.FormAsync(c, t, cohortId, actor, actorUserId, ct);
        return new CohortStepOutcome(true, []);
    }
}
