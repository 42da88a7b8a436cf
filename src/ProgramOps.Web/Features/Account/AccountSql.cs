namespace ProgramOps.Web.Features.Account;

/// <summary>The SQL behind staff accounts: sign-in, password change, first administrator and user administration.</summary>
public static class AccountSql
{
    private const string SelectUser =
        """
        SELECT Id, UserName, DisplayName, Email, PasswordHash, IsDisabled, MustChangePassword,
               FailedSignInCount, LockoutEndsAt, SecurityStamp, Version
        FROM Users
        """;

    public const string FindUserByUserName = $"{SelectUser} WHERE UserName = @userName";

    public const string FindUserById = $"{SelectUser} WHERE Id = @id";

    public const string FindStamp = "SELECT SecurityStamp, IsDisabled FROM Users WHERE Id = @id";

    public const string RolesOfUser = "SELECT Role FROM UserRoles WHERE UserId = @Id ORDER BY Role";

    public const string DeleteRoles = "DELETE FROM UserRoles WHERE UserId = @userId";

    public const string InsertRole = "INSERT INTO UserRoles (UserId, Role) VALUES (@userId, @role)";

    public const string CountUsers = "SELECT COUNT(*) FROM Users";

    /// <summary>Active staff holding any of the given roles (owners of accounts and cohorts).</summary>
    public const string ActiveStaffWithAnyRole =
        """
        SELECT DISTINCT u.Id, u.DisplayName AS Name
        FROM Users u JOIN UserRoles r ON r.UserId = u.Id
        WHERE u.IsDisabled = 0 AND r.Role IN @Roles
        ORDER BY Name
        """;

    /// <summary>Wrong passwords per (user, address), kept by <see cref="SignInLockouts"/>; the same statements on every database.</summary>
    public static string Lockouts(SqlDialect dialect, LockoutStatement statement) => SignInLockouts.Statement(statement, "SignInLockouts", "UserId");

    /// <summary>The account's lockout as administrators see it: locked from some address until then.</summary>
    public const string RecordLockout = "UPDATE Users SET LockoutEndsAt = @LockedUntil WHERE Id = @UserId";

    public const string RecordSuccessfulSignIn =
        "UPDATE Users SET FailedSignInCount = 0, LockoutEndsAt = NULL, PasswordHash = @rehashed WHERE Id = @Id";

    /// <summary>A new stamp ends every cookie issued with the old one (sign-out), without a version change: no form edits a stamp.</summary>
    public const string RotateSecurityStamp = "UPDATE Users SET SecurityStamp = @SecurityStamp WHERE Id = @Id";

    public const string ChangePassword =
        """
        UPDATE Users SET PasswordHash = @PasswordHash, SecurityStamp = @SecurityStamp, MustChangePassword = 0,
               Version = Version + 1, UpdatedAt = @now, UpdatedBy = @UserName
        WHERE Id = @Id
        """;

    public const string UpdateProfile =
        """
        UPDATE Users SET DisplayName = @DisplayName, Email = @Email, SecurityStamp = @SecurityStamp,
               Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string SetDisabled =
        """
        UPDATE Users SET IsDisabled = @IsDisabled, SecurityStamp = @SecurityStamp, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string ResetPassword =
        """
        UPDATE Users SET PasswordHash = @PasswordHash, MustChangePassword = 1, FailedSignInCount = 0, LockoutEndsAt = NULL,
               SecurityStamp = @SecurityStamp, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string Unlock =
        """
        UPDATE Users SET FailedSignInCount = 0, LockoutEndsAt = NULL, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public static string InsertUser(SqlDialect dialect) =>
        $"""
        INSERT INTO Users (UserName, DisplayName, Email, PasswordHash, IsDisabled, MustChangePassword,
                           FailedSignInCount, SecurityStamp, Version, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@UserName, @DisplayName, @Email, @PasswordHash, @IsDisabled, @MustChangePassword,
                0, @SecurityStamp, 1, @now, @now, @actor);
        {dialect.SelectNewId}
        """;
}
