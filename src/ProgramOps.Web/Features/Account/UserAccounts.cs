using System.Security.Cryptography;

namespace ProgramOps.Web.Features.Account;

/// <summary>Reads and writes staff accounts; used by sign-in, the password page and user administration.</summary>
public sealed class UserAccounts(Db db) : IAccountStamps
{
    public static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public async Task<StaffUser?> FindByUserNameAsync(string userName, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<StaffUser>(
            new CommandDefinition(AccountSql.FindUserByUserName, new { userName }, cancellationToken: ct));
        return user is null ? null : await WithRolesAsync(connection, user, ct);
    }

    public async Task<StaffUser?> FindByIdAsync(int id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<StaffUser>(
            new CommandDefinition(AccountSql.FindUserById, new { id }, cancellationToken: ct));
        return user is null ? null : await WithRolesAsync(connection, user, ct);
    }

    /// <summary>Cheap check run on every request: is this cookie's account still valid as issued?</summary>
    public async Task<(string SecurityStamp, bool IsDisabled)?> FindStampAsync(int id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<(string, bool)?>(
            new CommandDefinition(AccountSql.FindStamp, new { id }, cancellationToken: ct));
    }

    public static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, StaffUser user, DateTimeOffset now, string actor)
    {
        var id = await connection.ExecuteScalarAsync<int>(
            AccountSql.InsertUser(dialect),
            new { user.UserName, user.DisplayName, user.Email, user.PasswordHash, user.IsDisabled, user.MustChangePassword, user.SecurityStamp, now, actor },
            transaction);
        await ReplaceRolesAsync(connection, transaction, id, user.Roles);
        return id;
    }

    public static async Task ReplaceRolesAsync(DbConnection connection, DbTransaction transaction, int userId, IEnumerable<string> roles)
    {
        await connection.ExecuteAsync(AccountSql.DeleteRoles, new { userId }, transaction);
        await connection.ExecuteAsync(
            AccountSql.InsertRole,
            roles.Distinct().Select(role => new { userId, role }),
            transaction);
    }

    private static async Task<StaffUser> WithRolesAsync(DbConnection connection, StaffUser user, CancellationToken ct)
    {
        var roles = await connection.QueryAsync<string>(
            new CommandDefinition(AccountSql.RolesOfUser, new { user.Id }, cancellationToken: ct));
        return user with { Roles = roles.ToList() };
    }
}
