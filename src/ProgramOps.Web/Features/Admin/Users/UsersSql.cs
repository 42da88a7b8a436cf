namespace ProgramOps.Web.Features.Admin.Users;

public enum UserSort
{
    UserName,
    DisplayName,
    Updated,
}

public enum UserStatus
{
    Active,
    Disabled,
    Locked,
}

public static class UsersSql
{
    private const string ListFilter =
        """
        FROM Users u
        WHERE (@Search IS NULL OR u.UserName LIKE @Search ESCAPE '\' OR u.DisplayName LIKE @Search ESCAPE '\' OR u.Email LIKE @Search ESCAPE '\')
          AND (@Role IS NULL OR EXISTS (SELECT 1 FROM UserRoles r WHERE r.UserId = u.Id AND r.Role = @Role))
          AND (@Status IS NULL
               OR (@Status = 'Disabled' AND u.IsDisabled = 1)
               OR (@Status = 'Locked' AND u.IsDisabled = 0 AND u.LockoutEndsAt > @Now)
               OR (@Status = 'Active' AND u.IsDisabled = 0 AND (u.LockoutEndsAt IS NULL OR u.LockoutEndsAt <= @Now)))
        """;

    public const string Count = "SELECT COUNT(*) " + ListFilter;

    public static string List(SqlDialect dialect, UserSort sort, bool descending)
    {
        var direction = descending ? "DESC" : "ASC";
        var orderBy = sort switch
        {
            UserSort.DisplayName => $"u.DisplayName {direction}, u.Id",
            UserSort.Updated => $"u.UpdatedAt {direction}, u.Id",
            _ => $"u.UserName {direction}, u.Id",
        };
        return $"""
            SELECT u.Id, u.UserName, u.DisplayName, u.Email, u.IsDisabled, u.LockoutEndsAt, u.MustChangePassword, u.UpdatedAt
            {ListFilter}
            {dialect.OrderAndPage(orderBy)}
            """;
    }

    public const string RolesOfUsers = "SELECT UserId, Role FROM UserRoles WHERE UserId IN @UserIds ORDER BY Role";

    public const string UserNameTaken = "SELECT COUNT(*) FROM Users WHERE UserName = @UserName";

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM Users WHERE Id = @Id";

    /// <summary>Active administrators other than the given user: the console must always keep one.</summary>
    public const string OtherActiveAdmins =
        """
        SELECT COUNT(*) FROM Users u JOIN UserRoles r ON r.UserId = u.Id
        WHERE r.Role = 'Admin' AND u.IsDisabled = 0 AND u.Id <> @Id
        """;
}
