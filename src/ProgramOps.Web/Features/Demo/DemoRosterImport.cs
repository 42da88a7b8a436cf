using System.Text;
using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.Web.Features.Demo;

/// <summary>
/// Sends a generated roster through the real import, as CS would: upload (stored), background check, commit. A few
/// more people than seats, as real rosters have: the preview shows them as over capacity and they are not enrolled.
/// </summary>
public static class DemoRosterImport
{
    public const int RowsOverCapacity = 3;

    public static async Task RunAsync(Db db, LocalClock clock, RosterImportProcessor imports, int cohortId, DemoSeats seats, int seed, string employeePrefix,
        string mailDomain, int? userId, string actor, CancellationToken ct)
    {
        using var file = new MemoryStream();
        DemoRoster.Write(file, Encoding.UTF8, DemoRoster.Lines(seats.Capacity + RowsOverCapacity, seed, employeePrefix, mailDomain, clock.Today.Year));
        file.Position = 0;
        var importId = await db.InTransactionAsync((c, t) => RosterUpload.StoreAsync(c, t, db.Dialect,
            new RosterUploadRequest(cohortId, seats.ContractId, $"社員名簿_{cohortId}_{seats.ContractId}.csv", RosterEncoding.Auto, userId, actor), file, clock.UtcNow, ct), ct);
        await imports.RunAsync(importId, RosterImportStatus.Queued, ct);
        await db.InTransactionAsync(async (c, t) =>
        {
            var import = await RosterImport.FindAsync(c, t, importId, ct);
            await RosterUpload.RequestCommitAsync(c, t, importId, import!.Version, userId, actor, clock.UtcNow, ct);
        }, ct);
        await imports.RunAsync(importId, RosterImportStatus.CommitQueued, ct);
    }
}
