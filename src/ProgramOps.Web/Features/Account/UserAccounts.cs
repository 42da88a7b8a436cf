using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using ProgramOps.Web.Infrastructure.Data;

namespace ProgramOps.Web.Features.Account;

/// <summary>Reads and writes staff accounts; used by sign-in, the password page and user administration.</summary>
public sealed class UserAccounts(Db db)
{
    private const string SelectUser =
        """
        SELECT Id, UserName, DisplayName, Email, PasswordHash, IsDisabled, MustChangePassword,
               FailedSignInCount, LockoutEndsAt, SecurityStamp, Version
        FROM Users
        """;

    public static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public async Task<StaffUser?> FindByUserNameAsync(string userName, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<StaffUser>(
            new CommandDefinition($"{SelectUser} WHERE UserName = @userName", new { userName }, cancellationToken: ct));
        return user is null ? null : await WithRolesAsync(connection, user, ct);
    }

    public async Task<StaffUser?> FindByIdAsync(int id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<StaffUser>(
            new CommandDefinition($"{SelectUser} WHERE Id = @id", new { id }, cancellationToken: ct));
        return user is null ? null : await WithRolesAsync(connection, user, ct);
    }

    /// <summary>Cheap check run on every request: is this cookie's account still valid as issued?</summary>
    public async Task<(string SecurityStamp, bool IsDisabled)?> FindStampAsync(int id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<(string, bool)?>(
            new CommandDefinition("SELECT SecurityStamp, IsDisabled FROM Users WHERE Id = @id", new { id }, cancellationToken: ct));
    }

    public static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, StaffUser user, DateTimeOffset now, string actor)
    {
        var id = await connection.ExecuteScalarAsync<int>(
            $"""
            INSERT INTO Users (UserName, DisplayName, Email, PasswordHash, IsDisabled, MustChangePassword,
                               FailedSignInCount, SecurityStamp, Version, CreatedAt, UpdatedAt, UpdatedBy)
            VALUES (@UserName, @DisplayName, @Email, @PasswordHash, @IsDisabled, @MustChangePassword,
                    0, @SecurityStamp, 1, @now, @now, @actor);
            {dialect.SelectNewId}
            """,
            new { user.UserName, user.DisplayName, user.Email, user.PasswordHash, user.IsDisabled, user.MustChangePassword, user.SecurityStamp, now, actor },
            transaction);
        await ReplaceRolesAsync(connection, transaction, id, user.Roles);
        return id;
    }

    public static async Task ReplaceRolesAsync(DbConnection connection, DbTransaction transaction, int userId, IEnumerable<string> roles)
    {
        await connection.ExecuteAsync("DELETE FROM UserRoles WHERE UserId = @userId", new { userId }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO UserRoles (UserId, Role) VALUES (@userId, @role)",
            roles.Distinct().Select(role => new { userId, role }),
            transaction);
    }

    private static async Task<StaffUser> WithRolesAsync(DbConnection connection, StaffUser user, CancellationToken ct)
    {
        var roles = await connection.QueryAsync<string>(
            new CommandDefinition("SELECT Role FROM UserRoles WHERE UserId = @Id ORDER BY Role", new { user.Id }, cancellationToken: ct));
        return user with { Roles = roles.ToList() };
    }
}
