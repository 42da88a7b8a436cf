using System.Text;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Features.Cohorts.Roster;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Teams;

namespace ProgramOps.Web.Features.Demo;

/// <summary>
/// Gives the demo console living cohorts: both program templates published, and cohorts on the largest demo
/// contracts whose generated rosters go through the real import (stored, checked, committed), and teams for the first.
/// </summary>
public sealed class DemoCohortLoader(Db db, LocalClock clock, RosterImportProcessor imports, CohortTeams teams, ILogger<DemoCohortLoader> logger)
{
    private const string Actor = "demo";

    private sealed record ContractRow
    {
        public int Id { get; init; }
        public required string ClientName { get; init; }
        public int Seats { get; init; }
    }

    /// <summary>Loads the demo programs and cohorts unless a program exists already.</summary>
    public async Task LoadIfNoProgramsAsync(int participantsPerCohort, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var cohorts = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<int>(DemoSql.CountPrograms, transaction: t) > 0) return [];
            var smoking = await DemoCohorts.PublishAsync(c, t, db.Dialect, ProgramTemplates.SmokingCessation, now, Actor);
            await DemoCohorts.PublishAsync(c, t, db.Dialect, ProgramTemplates.WeightManagement, now, Actor);
            var contracts = (await c.QueryAsync<ContractRow>(DemoSql.LargestActiveContracts(db.Dialect), new { Skip = 0, Take = 3 }, t)).ToList();
            var plans = contracts.Select((contract, i) => new DemoCohortPlan(
                $"{contract.ClientName} 禁煙プログラム 第{i + 1}期", smoking, contract.Id, Math.Min(contract.Seats, participantsPerCohort),
                clock.Today.AddDays(21 + (28 * i)), i == 2 ? CohortStatus.Planned : CohortStatus.Enrolling)).ToList();
            var ids = new List<(int CohortId, DemoCohortPlan Plan)>();
            foreach (var plan in plans) ids.Add((await DemoCohorts.CreateAsync(c, t, db.Dialect, plan, now, Actor), plan));
            return ids;
        }, ct);

        foreach (var (cohortId, plan) in cohorts.Where(c => c.Plan.Status == CohortStatus.Enrolling))
        {
            await ImportRosterAsync(cohortId, plan, ct);
        }

        // The first cohort shows its teams, as CS would have formed them ahead of the start.
        if (cohorts.Count > 0) await db.InTransactionAsync((c, t) => teams.FormAsync(c, t, cohorts[0].CohortId, Actor, null, ct), ct);

        if (cohorts.Count > 0) logger.LogInformation("Demo programs and {Cohorts} cohorts loaded.", cohorts.Count);
    }

    private async Task ImportRosterAsync(int cohortId, DemoCohortPlan plan, CancellationToken ct)
    {
        using var file = new MemoryStream();
        // A few more people than seats, as real rosters have: the preview shows them as over capacity.
        DemoRoster.Write(file, Encoding.UTF8, DemoRoster.Lines(plan.Capacity + 3, cohortId, $"C{cohortId}-", "example.co.jp", clock.Today.Year));
        file.Position = 0;
        var importId = await db.InTransactionAsync((c, t) => RosterUpload.StoreAsync(c, t, db.Dialect,
            new RosterUploadRequest(cohortId, plan.ContractId, $"社員名簿_{cohortId}.csv", RosterEncoding.Auto, null, Actor), file, clock.UtcNow, ct), ct);
        await imports.RunAsync(importId, RosterImportStatus.Queued, ct);
        await db.InTransactionAsync(async (c, t) =>
        {
            var import = await RosterImport.FindAsync(c, t, importId, ct);
            await RosterUpload.RequestCommitAsync(c, t, importId, import!.Version, null, Actor, clock.UtcNow, ct);
        }, ct);
        await imports.RunAsync(importId, RosterImportStatus.CommitQueued, ct);
    }
}
