using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Demo;

/// <summary>Seats of one client contract in a cohort.</summary>
public sealed record DemoSeats(int ContractId, int Capacity);

/// <summary>A cohort to set up for demonstrations and benchmarks: seats from one contract (or several: a joint cohort), one start day.</summary>
public sealed record DemoCohortPlan(string Name, int ProgramVersionId, IReadOnlyList<DemoSeats> Seats, DateOnly StartDate, CohortStatus Status);

/// <summary>Publishes program templates and plans cohorts through the programs and cohorts features' own writes.</summary>
public static class DemoCohorts
{
    /// <summary>Publishes <paramref name="template"/> as version 1 of a new program; returns the version's id.</summary>
    public static async Task<int> PublishAsync(DbConnection c, DbTransaction t, SqlDialect dialect, ProgramDefinition template, DateTimeOffset now, string actor)
    {
        var (programId, versionId) = await ProgramWrites.LaunchAsync(c, t, dialect, template.Code, template, now, actor);
        await ProgramWrites.PublishAsync(c, t, programId, versionId, 1, now, actor);
        return versionId;
    }

    /// <summary>Plans the cohort (enrolment opens five weeks before the start and closes two before) and moves it to its status.</summary>
    public static async Task<int> CreateAsync(DbConnection c, DbTransaction t, SqlDialect dialect, DemoCohortPlan plan, DateTimeOffset now, string actor)
    {
        var cohortId = await CohortPlanning.PlanAsync(c, t, dialect, new NewCohort(
            plan.Name, plan.ProgramVersionId, plan.StartDate.AddDays(-35), plan.StartDate.AddDays(-14), plan.StartDate, CsOwnerId: null,
            [.. plan.Seats.Select(s => (s.ContractId, s.Capacity))]), now, actor);
        for (var (status, version) = (CohortStatus.Planned, 1); status != plan.Status; version++)
        {
            var next = CohortLifecycle.Next(status)!.Value;
            await CohortPlanning.SetStatusAsync(c, t, cohortId, version, status, next, now, actor, CancellationToken.None);
            status = next;
        }

        return cohortId;
    }
}
