namespace ProgramOps.Web.Features.Cohorts;

/// <summary>A cohort to plan: its program version, enrolment window, start day, CS owner and seats per contract.</summary>
public sealed record NewCohort(
    string Name, int ProgramVersionId, DateOnly EnrolmentOpens, DateOnly EnrolmentCloses, DateOnly StartDate, int? CsOwnerId,
    IReadOnlyList<(int ContractId, int Capacity)> Seats);

/// <summary>The cohort writes that more than one caller makes (the CS pages, the daily clock, the demo), inside the caller's transaction.</summary>
public static class CohortPlanning
{
    /// <summary>Plans a cohort with its seats; the caller has checked them against the contracts (<see cref="SeatAllocation"/>).</summary>
    /// <returns>The new cohort's id.</returns>
    public static async Task<int> PlanAsync(DbConnection c, DbTransaction t, SqlDialect dialect, NewCohort cohort, DateTimeOffset now, string actor)
    {
        var id = await c.ExecuteScalarAsync<int>(CohortsSql.Insert + dialect.SelectNewId, new
        {
            cohort.Name, cohort.ProgramVersionId, cohort.EnrolmentOpens, cohort.EnrolmentCloses, cohort.StartDate, cohort.CsOwnerId, Now = now, Actor = actor,
        }, t);
        await c.ExecuteAsync(CohortsSql.InsertContract, cohort.Seats.Select(s => new { CohortId = id, s.ContractId, s.Capacity }), t);
        return id;
    }

    /// <summary>Moves the cohort from one status to the next; the caller has checked the step's guards and audits it.</summary>
    /// <returns>False when the cohort is no longer at <paramref name="version"/> and <paramref name="from"/>: nothing was written.</returns>
    public static async Task<bool> SetStatusAsync(
        DbConnection c, DbTransaction t, int cohortId, int version, CohortStatus from, CohortStatus to, DateTimeOffset now, string actor, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(CohortsSql.SetStatus, new
        {
            Id = cohortId, Version = version, From = from.ToString(), Status = to.ToString(), Now = now, Actor = actor,
        }, t, cancellationToken: ct)) == 1;
}
