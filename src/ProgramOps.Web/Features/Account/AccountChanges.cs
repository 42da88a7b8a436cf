namespace ProgramOps.Web.Features.Account;

/// <summary>Who changes an account, when, and the version of it they saw.</summary>
public sealed record AccountChange(int Id, int Version, DateTimeOffset Now, string Actor);

/// <summary>
/// The changes user administration makes to staff accounts, inside the caller's transaction. Each holds only if the
/// account is still at the version the administrator saw (false otherwise); each that affects sign-in takes a new
/// security stamp, so it applies on the user's next request.
/// </summary>
public static class AccountChanges
{
    public static async Task<bool> UpdateProfileAsync(
        DbConnection c, DbTransaction t, AccountChange change, string displayName, string? email, string securityStamp, CancellationToken ct) =>
        await WriteAsync(c, t, AccountSql.UpdateProfile, change, new { DisplayName = displayName, Email = email, SecurityStamp = securityStamp }, ct);

    public static async Task<bool> SetDisabledAsync(DbConnection c, DbTransaction t, AccountChange change, bool disabled, CancellationToken ct) =>
        await WriteAsync(c, t, AccountSql.SetDisabled, change, new { IsDisabled = disabled, SecurityStamp = UserAccounts.NewSecurityStamp() }, ct);

    /// <summary>A temporary password the user must change at the next sign-in; every lockout of the account ends with it.</summary>
    public static async Task<bool> ResetPasswordAsync(
        DbConnection c, DbTransaction t, SqlDialect dialect, AccountChange change, string passwordHash, CancellationToken ct) =>
        await WriteAsync(c, t, AccountSql.ResetPassword, change, new { PasswordHash = passwordHash, SecurityStamp = UserAccounts.NewSecurityStamp() }, ct)
        && await ClearedLockoutsAsync(c, t, dialect, change);

    /// <summary>Ends the account's lockout and those of every address it was locked from.</summary>
    public static async Task<bool> UnlockAsync(DbConnection c, DbTransaction t, SqlDialect dialect, AccountChange change, CancellationToken ct) =>
        await WriteAsync(c, t, AccountSql.Unlock, change, new { }, ct) && await ClearedLockoutsAsync(c, t, dialect, change);

    private static async Task<bool> ClearedLockoutsAsync(DbConnection c, DbTransaction t, SqlDialect dialect, AccountChange change)
    {
        await StaffSignIn.ClearLockoutsAsync(c, t, dialect, change.Id);
        return true;
    }

    private static async Task<bool> WriteAsync(DbConnection c, DbTransaction t, string sql, AccountChange change, object fields, CancellationToken ct)
    {
        var parameters = new DynamicParameters(fields);
        parameters.AddDynamicParams(new { change.Id, change.Version, change.Now, change.Actor });
        return await c.ExecuteAsync(new CommandDefinition(sql, parameters, t, cancellationToken: ct)) == 1;
    }
}
