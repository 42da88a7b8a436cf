using ProgramOps.Web.Features.Teams;

namespace ProgramOps.Web.Features.Cohorts;

/// <summary>
/// Takes a cohort's next lifecycle step inside the caller's transaction, for the cohort page and the demo's play-out:
/// the status moves only if nobody moved the cohort since <c>version</c>, with its audit row, and a cohort that starts
/// running has its teams formed (everyone starts on one day, in a team). The caller has checked the step's guards
/// (<see cref="CohortLifecycle.Refusals"/>).
/// </summary>
public sealed class CohortSteps(AuditTrail audit, CohortTeams teams)
{
    /// <returns>False when the cohort changed since <paramref name="version"/>: nothing was written.</returns>
    public async Task<bool> TakeAsync(
        DbConnection c, DbTransaction t, int cohortId, string cohortName, int version, CohortStatus from, CohortStatus target,
        DateTimeOffset now, int? actorUserId, string actor, CancellationToken ct)
    {
        if (!await CohortPlanning.SetStatusAsync(c, t, cohortId, version, from, target, now, actor, ct)) return false;
        await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Cohort{target}", cohortName,
            new Dictionary<string, FieldChange> { ["Status"] = new(from.ToString(), target.ToString()) }), actorUserId, actor);
        if (target == CohortStatus.Running) await teams.FormAsync(c, t, cohortId, actor, actorUserId, ct);
        return true;
    }
}
