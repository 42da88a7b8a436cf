using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Infrastructure.Audit;

namespace ProgramOps.DataTests;

public sealed class TransactionTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task When_the_work_throws_neither_the_write_nor_its_audit_row_is_kept()
    {
        var audit = new AuditTrail(new FixedCurrentUser(), TimeProvider.System);
        var user = TestUsers.New("rolled-back");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => _database.Db.InTransactionAsync(async (c, t) =>
        {
            var id = await UserAccounts.InsertAsync(c, t, _database.Db.Dialect, user, DateTimeOffset.UtcNow, "test");
            await audit.RecordAsync(c, t, new AuditEntry("User", id.ToString(), "Created"));
            throw new InvalidOperationException("the work failed after writing");
        }));

        Assert.Equal("the work failed after writing", failure.Message);
        await using var connection = await _database.Db.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Users WHERE UserName = 'rolled-back'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM UserRoles"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog"));
    }

    [Fact]
    public async Task When_the_work_completes_the_write_and_its_audit_row_are_both_kept()
    {
        var audit = new AuditTrail(new FixedCurrentUser(), TimeProvider.System);

        var id = await _database.Db.InTransactionAsync(async (c, t) =>
        {
            var newId = await UserAccounts.InsertAsync(c, t, _database.Db.Dialect, TestUsers.New("committed"), DateTimeOffset.UtcNow, "test");
            await audit.RecordAsync(c, t, new AuditEntry("User", newId.ToString(), "Created"));
            return newId;
        });

        await using var connection = await _database.Db.OpenAsync();
        Assert.Equal("committed", await connection.ExecuteScalarAsync<string>("SELECT UserName FROM Users WHERE Id = @id", new { id }));
        Assert.Equal(FixedCurrentUser.Name, await connection.ExecuteScalarAsync<string>(
            "SELECT UserName FROM AuditLog WHERE EntityId = @entityId", new { entityId = id.ToString() }));
    }

    public void Dispose() => _database.Dispose();
}
