using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Features.Demo;
using ProgramOps.Web.Features.Teams;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Demo;

public sealed class DemoCohortLoaderTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TimeProvider _time = new FixedTime(new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private LocalClock Clock => new(_time, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    private AuditTrail Audit => new(new HttpCurrentUser(new HttpContextAccessor()), _time);

    private CohortTeams Teams => new(_database.Db, Audit, _time);

    private DemoCohortLoader Loader() => new(_database.Db, Clock,
        new RosterImportProcessor(_database.Db, Clock, Audit, Teams, new ImportProgressBoard(), NullLogger<RosterImportProcessor>.Instance),
        Teams, NullLogger<DemoCohortLoader>.Instance);

    [Fact]
    public async Task Publishes_the_templates_and_imports_a_roster_into_each_enrolling_cohort_once()
    {
        await new DemoDataLoader(_database.Db, new PasswordHasher<StaffUser>(), Audit, Clock, NullLogger<DemoDataLoader>.Instance).LoadIfEmptyAsync(60);

        await Loader().LoadIfNoProgramsAsync(20);
        await Loader().LoadIfNoProgramsAsync(20);

        await using var connection = await _database.Db.OpenAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ProgramVersions WHERE Status = 'Published'"));
        Assert.Equal(["Enrolling", "Enrolling", "Planned"], await connection.QueryAsync<string>("SELECT Status FROM Cohorts ORDER BY Id"));
        var imports = (await connection.QueryAsync<(string Status, int RowsImported, int RowsInvalid)>("SELECT Status, RowsImported, RowsInvalid FROM RosterImports")).ToList();
        Assert.Equal([("Committed", 20, 3), ("Committed", 20, 3)], imports);
        Assert.Equal(40, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Participants WHERE State = 'Invited'"));
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Teams WHERE CohortId = (SELECT MIN(Id) FROM Cohorts)"));
    }
}
