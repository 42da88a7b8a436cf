using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Account;

namespace ProgramOps.DataTests;

public sealed class TypeRoundTripTests : IDisposable
{
    private readonly TestDatabase _database = new();

    private sealed record Stored(DateOnly StartDate, DateOnly EndDate, DateTimeOffset CreatedAt, string RawCreatedAt, string RawStartDate);

    [Fact]
    public async Task Dates_and_instants_come_back_as_written_and_are_stored_as_sortable_text()
    {
        var start = new DateOnly(2026, 4, 1);
        var end = new DateOnly(2027, 3, 31);
        var createdAt = new DateTimeOffset(2026, 11, 23, 9, 15, 30, 123, TimeSpan.FromHours(9)).AddTicks(4567);

        await using var connection = await _database.Db.OpenAsync();
        var clientId = await connection.ExecuteScalarAsync<int>(
            """
            INSERT INTO Clients (Name, Kind, Segment, EligiblePopulation, CsType, CsStyles, TouchModel, CreatedAt, UpdatedAt, UpdatedBy)
            VALUES ('Acme', 'Employer', 'Smb', 10, 'Onboarding', 1, 'Low', @createdAt, @createdAt, 'test');
            SELECT last_insert_rowid();
            """, new { createdAt });
        await connection.ExecuteAsync(
            """
            INSERT INTO Contracts (ClientId, ProgramName, Seats, PricePerSeatJpy, StartDate, EndDate, Status, CreatedAt, UpdatedAt, UpdatedBy)
            VALUES (@clientId, 'Quit', 10, 1000, @start, @end, 'Active', @createdAt, @createdAt, 'test')
            """, new { clientId, start, end, createdAt });

        var stored = await connection.QuerySingleAsync<Stored>(
            "SELECT StartDate, EndDate, CreatedAt, CreatedAt AS RawCreatedAt, StartDate AS RawStartDate FROM Contracts WHERE ClientId = @clientId",
            new { clientId });

        Assert.Equal("2026-11-23T00:15:30.1234567Z", stored.RawCreatedAt);
        Assert.Equal(start, stored.StartDate);
        Assert.Equal(end, stored.EndDate);
        Assert.Equal(createdAt, stored.CreatedAt);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.Offset);
        Assert.Equal("2026-04-01", stored.RawStartDate);
    }

    [Fact]
    public async Task A_nullable_instant_is_stored_as_utc_text_too()
    {
        DateTimeOffset? lockedUntil = new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.FromHours(9));
        var id = await _database.Db.InTransactionAsync((c, t) =>
            UserAccounts.InsertAsync(c, t, _database.Db.Dialect, TestUsers.New("nullable"), DateTimeOffset.UtcNow, "test"));

        await using var connection = await _database.Db.OpenAsync();
        await connection.ExecuteAsync(AccountSql.RecordLockout, new { LockedUntil = lockedUntil, UserId = id });

        Assert.Equal("2026-11-23T09:00:00.0000000Z", await connection.ExecuteScalarAsync<string>("SELECT LockoutEndsAt FROM Users WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task A_null_instant_reads_back_as_null()
    {
        await using var connection = await _database.Db.OpenAsync();

        var value = await connection.ExecuteScalarAsync<DateTimeOffset?>("SELECT NULL");

        Assert.Null(value);
    }

    public void Dispose() => _database.Dispose();
}
