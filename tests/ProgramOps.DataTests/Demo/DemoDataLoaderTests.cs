using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Features.Demo;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Demo;

public sealed class DemoDataLoaderTests : IDisposable
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private readonly TestDatabase _database = new();
    private readonly TimeProvider _time = new FixedTime(new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private DemoDataLoader Loader() => new(
        _database.Db,
        new PasswordHasher<StaffUser>(),
        new AuditTrail(new HttpCurrentUser(new HttpContextAccessor()), _time),
        new LocalClock(_time, Tokyo),
        NullLogger<DemoDataLoader>.Instance);

    [Fact]
    public async Task Loads_the_generated_set_with_its_staff_and_one_audit_row()
    {
        var expected = DemoDataGenerator.Generate(500, DemoDataGenerator.DefaultSeed, new DateOnly(2026, 11, 23), _time.GetUtcNow());

        var result = await Loader().LoadIfEmptyAsync(500);

        Assert.True(result.Loaded);
        await using var connection = await _database.Db.OpenAsync();
        Assert.Equal(500, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Clients"));
        Assert.Equal(expected.Clients.Sum(c => c.KeyPersons.Count), await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM KeyPersons"));
        Assert.Equal(expected.Clients.Sum(c => c.Contracts.Count), await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Contracts"));
        Assert.Equal((result.KeyPersons, result.Contracts), (expected.Clients.Sum(c => c.KeyPersons.Count), expected.Clients.Sum(c => c.Contracts.Count)));
        Assert.Equal(
            expected.Clients.Count(c => c.ParentIndex is not null),
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Clients c JOIN Clients p ON p.Id = c.ParentClientId WHERE p.Kind = 'HealthInsuranceSociety'"));
        Assert.Equal(expected.Clients[0].Name, await connection.ExecuteScalarAsync<string>("SELECT Name FROM Clients ORDER BY Id LIMIT 1"));

        var staff = (await connection.QueryAsync<(string UserName, string Role, bool MustChangePassword)>(
            "SELECT u.UserName, r.Role, u.MustChangePassword FROM Users u JOIN UserRoles r ON r.UserId = u.Id ORDER BY u.UserName")).ToList();
        Assert.Equal(DemoDataGenerator.Staff.Select(s => (s.UserName, s.Role, true)).OrderBy(s => s.UserName), staff);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM Clients WHERE CsOwnerId NOT IN (SELECT u.Id FROM Users u JOIN UserRoles r ON r.UserId = u.Id WHERE r.Role = 'ProgramCS')"));

        var audit = (await connection.QueryAsync<(string UserName, string Summary)>("SELECT UserName, Summary FROM AuditLog WHERE Action = 'DemoLoaded'")).Single();
        Assert.Equal(("demo", ProgramOps.Web.Infrastructure.Text.CodedText.Encode(ProgramOps.Web.Infrastructure.Audit.AuditSummaries.DemoLoaded, 500)), audit);
    }

    [Fact]
    public async Task A_second_load_adds_nothing_once_there_are_clients()
    {
        await Loader().LoadIfEmptyAsync(500);

        var second = await Loader().LoadIfEmptyAsync(500, seed: 99);

        Assert.False(second.Loaded);
        await using var connection = await _database.Db.OpenAsync();
        Assert.Equal(500, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Clients"));
        Assert.Equal(DemoDataGenerator.Staff.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Users"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'DemoLoaded'"));
    }

    [Fact]
    public async Task Stored_dates_read_back_as_generated()
    {
        await Loader().LoadIfEmptyAsync(50);
        var expected = DemoDataGenerator.Generate(50, DemoDataGenerator.DefaultSeed, new DateOnly(2026, 11, 23), _time.GetUtcNow());

        await using var connection = await _database.Db.OpenAsync();
        var first = await connection.QueryFirstAsync<(DateOnly StartDate, DateOnly EndDate, string Status)>(
            "SELECT StartDate, EndDate, Status FROM Contracts ORDER BY Id LIMIT 1");
        var generated = expected.Clients.SelectMany(c => c.Contracts).First();
        Assert.Equal((generated.StartDate, generated.EndDate, generated.Status), first);
    }
}
