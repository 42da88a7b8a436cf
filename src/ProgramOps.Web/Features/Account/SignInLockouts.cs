namespace ProgramOps.Web.Features.Account;

/// <summary>The statements of a lockout table, one row per (account, client address).</summary>
public enum LockoutStatement
{
    Find,
    Update,
    Insert,
    Clear,
    ClearAll,
}

/// <summary>
/// The one lockout bookkeeping of every sign-in (staff and client users): wrong passwords counted per (account, client
/// address) under <see cref="LockoutPolicy"/>. Each kind of account keeps its lockouts in its own table, owned by its
/// feature, whose Sql class names the table with <see cref="Statement"/>; this class runs what that class hands it.
/// </summary>
public sealed class SignInLockouts(SqlDialect dialect, Func<SqlDialect, LockoutStatement, string> statements)
{
    private readonly LockoutPolicy _policy = LockoutPolicy.Default;

    private string Sql(LockoutStatement statement) => statements(dialect, statement);

    /// <summary>The text of a statement on <paramref name="table"/>, whose account column is <paramref name="accountColumn"/>.</summary>
    public static string Statement(LockoutStatement statement, string table, string accountColumn) => statement switch
    {
        LockoutStatement.Find => $"SELECT FailedCount, LockedUntil FROM {table} WHERE {accountColumn} = @AccountId AND ClientAddress = @ClientAddress",
        LockoutStatement.Update =>
            $"""
            UPDATE {table} SET FailedCount = @FailedCount, LockedUntil = @LockedUntil, UpdatedAt = @Now
            WHERE {accountColumn} = @AccountId AND ClientAddress = @ClientAddress
            """,
        LockoutStatement.Insert =>
            $"""
            INSERT INTO {table} ({accountColumn}, ClientAddress, FailedCount, LockedUntil, UpdatedAt)
            VALUES (@AccountId, @ClientAddress, @FailedCount, @LockedUntil, @Now)
            """,
        LockoutStatement.Clear => $"DELETE FROM {table} WHERE {accountColumn} = @AccountId AND ClientAddress = @ClientAddress",
        LockoutStatement.ClearAll => $"DELETE FROM {table} WHERE {accountColumn} = @AccountId",
        _ => throw new ArgumentOutOfRangeException(nameof(statement)),
    };

    public async Task<SignInLockout> FindAsync(int accountId, string clientAddress, Db db, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var stored = await c.QuerySingleOrDefaultAsync<StoredLockout>(
            new CommandDefinition(Sql(LockoutStatement.Find), new { AccountId = accountId, ClientAddress = clientAddress }, cancellationToken: ct));
        return stored is null ? SignInLockout.None : new SignInLockout(stored.FailedCount, stored.LockedUntil);
    }

    public bool IsLockedOut(SignInLockout lockout, DateTimeOffset now) => _policy.IsLockedOut(lockout, now);

    /// <summary>Counts a wrong password from the address; returns the lockout after it (locked once the policy says so).</summary>
    public async Task<SignInLockout> RecordFailureAsync(
        DbConnection c, DbTransaction t, int accountId, string clientAddress, SignInLockout before, DateTimeOffset now)
    {
        var after = _policy.AfterFailure(before, now);
        var values = new { AccountId = accountId, ClientAddress = clientAddress, after.FailedCount, after.LockedUntil, Now = now };
        if (await c.ExecuteAsync(Sql(LockoutStatement.Update), values, t) == 0) await c.ExecuteAsync(Sql(LockoutStatement.Insert), values, t);
        return after;
    }

    /// <summary>A right password from the address forgets its wrong ones.</summary>
    public Task ClearAsync(DbConnection c, DbTransaction t, int accountId, string clientAddress) =>
        c.ExecuteAsync(Sql(LockoutStatement.Clear), new { AccountId = accountId, ClientAddress = clientAddress }, t);

    /// <summary>An unlock or a new password opens the account again from every address.</summary>
    public Task ClearAllAsync(DbConnection c, DbTransaction t, int accountId) =>
        c.ExecuteAsync(Sql(LockoutStatement.ClearAll), new { AccountId = accountId }, t);

    private sealed record StoredLockout
    {
        public int FailedCount { get; init; }
        public DateTimeOffset? LockedUntil { get; init; }
    }
}
