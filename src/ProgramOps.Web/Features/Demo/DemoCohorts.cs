using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Demo;

/// <summary>Seats of one client contract in a cohort.</summary>
public sealed record DemoSeats(int ContractId, int Capacity);

/// <summary>A cohort to set up for demonstrations and benchmarks: seats from one contract (or several: a joint cohort), one start day.</summary>
public sealed record DemoCohortPlan(string Name, int ProgramVersionId, IReadOnlyList<DemoSeats> Seats, DateOnly StartDate, CohortStatus Status);

/// <summary>Publishes program templates and plans cohorts with the statements the admin and CS pages use.</summary>
public static class DemoCohorts
{
    /// <summary>Publishes <paramref name="template"/> as version 1 of a new program; returns the version's id.</summary>
    public static async Task<int> PublishAsync(DbConnection c, DbTransaction t, SqlDialect dialect, ProgramDefinition template, DateTimeOffset now, string actor)
    {
        var programId = await c.ExecuteScalarAsync<int>(ProgramsSql.InsertProgram + dialect.SelectNewId, new { template.Code, Now = now, Actor = actor }, t);
        var versionId = await c.ExecuteScalarAsync<int>(ProgramsSql.InsertVersion + dialect.SelectNewId,
            new { ProgramId = programId, VersionNumber = 1, Definition = ProgramDefinitionJson.Serialize(template), Now = now, Actor = actor }, t);
        await c.ExecuteAsync(ProgramsSql.Publish, new { Id = versionId, Version = 1, Now = now, Actor = actor }, t);
        return versionId;
    }

    /// <summary>Plans the cohort (enrolment opens five weeks before the start and closes two before) and moves it to its status.</summary>
    public static async Task<int> CreateAsync(DbConnection c, DbTransaction t, SqlDialect dialect, DemoCohortPlan plan, DateTimeOffset now, string actor)
    {
        var cohortId = await c.ExecuteScalarAsync<int>(CohortsSql.Insert + dialect.SelectNewId, new
        {
            plan.Name, plan.ProgramVersionId, EnrolmentOpens = plan.StartDate.AddDays(-35), EnrolmentCloses = plan.StartDate.AddDays(-14),
            plan.StartDate, CsOwnerId = (int?)null, Now = now, Actor = actor,
        }, t);
        await c.ExecuteAsync(CohortsSql.InsertContract, plan.Seats.Select(s => new { CohortId = cohortId, s.ContractId, s.Capacity }), t);
        for (var (status, version) = (CohortStatus.Planned, 1); status != plan.Status; version++)
        {
            var next = CohortLifecycle.Next(status)!.Value;
            await c.ExecuteAsync(CohortsSql.SetStatus, new { Id = cohortId, Version = version, From = status.ToString(), Status = next.ToString(), Now = now, Actor = actor }, t);
            status = next;
        }

        return cohortId;
    }
}
