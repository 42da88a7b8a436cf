using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Data;
using ProgramOps.Web.Infrastructure.Web;

namespace ProgramOps.DataTests.Contract;

/// <summary>
/// What the console needs from its database, run on every engine it supports: the same calls must
/// give the same results on SQLite and SQL Server.
/// </summary>
public abstract class DataAccessContract(IContractDatabase database)
{
    private Db Db
    {
        get
        {
            Assert.SkipWhen(database.Db is null, database.Unavailable ?? "the database did not start");
            return database.Db!;
        }
    }

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task Migrations_are_applied_once_and_counted_in_the_journal()
    {
        var db = Db;

        Assert.Empty(new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).Migrate());
        await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.True(await connection.ExecuteScalarAsync<int>(HealthSql.CountAppliedMigrations) >= 1);
    }

    [Fact]
    public async Task A_user_with_roles_is_written_and_read_back()
    {
        var db = Db;
        var ct = TestContext.Current.CancellationToken;
        var accounts = new UserAccounts(db);
        var lockouts = new SignInLockouts(db.Dialect, AccountSql.Lockouts);
        var user = TestUsers.New(Unique("contract"), Roles.ProgramCS, Roles.Admin, Roles.Admin);
        var lockedUntil = new DateTimeOffset(2026, 11, 23, 1, 2, 3, TimeSpan.Zero);

        var id = await db.InTransactionAsync((c, t) => UserAccounts.InsertAsync(c, t, db.Dialect, user, DateTimeOffset.UtcNow, "contract"), ct);
        await db.InTransactionAsync(async (c, t) =>
        {
            await c.ExecuteAsync(AccountSql.RecordLockout, new { LockedUntil = lockedUntil, UserId = id }, t);
            await lockouts.RecordFailureAsync(c, t, id, "2001:db8::1", new SignInLockout(1, null), DateTimeOffset.UtcNow);
        }, ct);

        var byName = await accounts.FindByUserNameAsync(user.UserName, ct);
        Assert.NotNull(byName);
        Assert.Equal(id, byName.Id);
        Assert.Equal([Roles.Admin, Roles.ProgramCS], byName.Roles);
        Assert.Equal(user.Email, byName.Email);
        Assert.Equal(new SignInLockout(2, null), await lockouts.FindAsync(id, "2001:db8::1", db, ct));
        Assert.Equal(lockedUntil, byName.LockoutEndsAt);
        Assert.Equal(1, byName.Version);
        Assert.Equal((user.SecurityStamp, false), await accounts.FindStampAsync(id, ct));

        await db.InTransactionAsync((c, t) => UserAccounts.ReplaceRolesAsync(c, t, id, [Roles.Viewer]), ct);
        Assert.Equal([Roles.Viewer], (await accounts.FindByIdAsync(id, ct))!.Roles);
        Assert.Null(await accounts.FindByIdAsync(-1, ct));
    }

    [Fact]
    public async Task An_audit_row_commits_with_its_transaction_and_not_without_it()
    {
        var db = Db;
        var ct = TestContext.Current.CancellationToken;
        var audit = new AuditTrail(new FixedCurrentUser(), TimeProvider.System);
        var kept = Unique("kept");
        var dropped = Unique("dropped");
        var changes = new Dictionary<string, FieldChange> { ["Seats"] = new("10", "12") };

        await db.InTransactionAsync((c, t) => audit.RecordAsync(c, t, new AuditEntry("Contract", kept, "Updated", "seats", changes)), ct);
        await Assert.ThrowsAsync<TimeoutException>(() => db.InTransactionAsync(async (c, t) =>
        {
            await audit.RecordAsync(c, t, new AuditEntry("Contract", dropped, "Updated"));
            throw new TimeoutException("simulated failure");
        }, ct));

        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleAsync<(string UserName, string Action, string Changes)>(
            "SELECT UserName, Action, Changes FROM AuditLog WHERE EntityId = @kept", new { kept });
        Assert.Equal((FixedCurrentUser.Name, "Updated"), (row.UserName, row.Action));
        Assert.Equal(changes, ChangeSet.FromJson(row.Changes));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE EntityId = @dropped", new { dropped }));
    }

    [Fact]
    public async Task Paging_through_the_dialect_returns_the_requested_window()
    {
        var db = Db;
        var ct = TestContext.Current.CancellationToken;
        var prefix = Unique("page")[..12];
        var names = Enumerable.Range(1, 7).Select(i => $"{prefix}-{i:00}").ToList();
        await db.InTransactionAsync(async (c, t) =>
        {
            foreach (var name in names.AsEnumerable().Reverse())
            {
                await UserAccounts.InsertAsync(c, t, db.Dialect, TestUsers.New(name), DateTimeOffset.UtcNow, "contract");
            }
        }, ct);

        await using var connection = await db.OpenAsync(ct);
        var page = await connection.QueryAsync<string>(
            $"SELECT UserName FROM Users WHERE UserName LIKE @pattern {db.Dialect.OrderAndPage("UserName")}",
            new { pattern = prefix + "-%", Skip = 2, Take = 3 });
        var last = await connection.QueryAsync<string>(
            $"SELECT UserName FROM Users WHERE UserName LIKE @pattern {db.Dialect.OrderAndPage("UserName")}",
            new { pattern = prefix + "-%", Skip = 6, Take = 3 });

        Assert.Equal(names[2..5], page);
        Assert.Equal([names[6]], last);
    }
}

public sealed class SqliteDataAccessContract(SqliteContractDatabase database)
    : DataAccessContract(database), IClassFixture<SqliteContractDatabase>;

public sealed class SqlServerDataAccessContract(SqlServerContractDatabase database)
    : DataAccessContract(database), IClassFixture<SqlServerContractDatabase>;
