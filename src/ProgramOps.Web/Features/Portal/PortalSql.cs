namespace ProgramOps.Web.Features.Portal;

/// <summary>The SQL behind client users (the portal's accounts, invitations and lockouts) and the portal's aggregate reads.</summary>
public static class PortalSql
{
    private const string SelectUser =
        """
        SELECT Id, ClientId, Email, DisplayName, PasswordHash, IsDisabled, MayHoldCodes, SecurityStamp, Version, CreatedAt, UpdatedAt, UpdatedBy
        FROM PortalUsers
        """;

    public const string FindUserByEmail = $"{SelectUser} WHERE Email = @Email";

    public const string FindUserById = $"{SelectUser} WHERE Id = @Id";

    public const string UsersOfClient = $"{SelectUser} WHERE ClientId = @ClientId ORDER BY Email, Id";

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM PortalUsers WHERE Id = @Id";

    /// <summary>Read afresh for each download: staff's choice takes effect at once.</summary>
    public const string MayHoldCodes = "SELECT MayHoldCodes FROM PortalUsers WHERE Id = @Id AND IsDisabled = 0";

    public const string FindSession = "SELECT ClientId, SecurityStamp, IsDisabled FROM PortalUsers WHERE Id = @Id";

    public static string InsertUser(SqlDialect dialect) =>
        $"""
        INSERT INTO PortalUsers (ClientId, Email, DisplayName, PasswordHash, IsDisabled, MayHoldCodes, SecurityStamp, Version, CreatedAt, UpdatedAt, UpdatedBy)
        VALUES (@ClientId, @Email, @DisplayName, NULL, 0, @MayHoldCodes, @SecurityStamp, 1, @Now, @Now, @Actor);
        {dialect.SelectNewId}
        """;

    public const string SetDisabled =
        """
        UPDATE PortalUsers SET IsDisabled = @IsDisabled, SecurityStamp = @SecurityStamp, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND ClientId = @ClientId AND Version = @Version
        """;

    public const string SetMayHoldCodes =
        """
        UPDATE PortalUsers SET MayHoldCodes = @MayHoldCodes, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND ClientId = @ClientId AND Version = @Version
        """;

    /// <summary>The password chosen through an invitation; a new stamp ends any session of an earlier password.</summary>
    public const string SetPassword =
        """
        UPDATE PortalUsers SET PasswordHash = @PasswordHash, SecurityStamp = @SecurityStamp, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id
        """;

    public const string RotateSecurityStamp = "UPDATE PortalUsers SET SecurityStamp = @SecurityStamp WHERE Id = @Id";

    public const string RehashPassword = "UPDATE PortalUsers SET PasswordHash = @PasswordHash WHERE Id = @Id";

    public const string InsertInvitation =
        """
        INSERT INTO PortalInvitations (PortalUserId, TokenHash, ExpiresAt, UsedAt, CreatedAt, CreatedBy)
        VALUES (@PortalUserId, @TokenHash, @ExpiresAt, NULL, @Now, @Actor)
        """;

    /// <summary>A new link replaces every open one of the user: only the latest works.</summary>
    public const string CloseOpenInvitations = "UPDATE PortalInvitations SET UsedAt = @Now WHERE PortalUserId = @PortalUserId AND UsedAt IS NULL";

    public const string FindInvitation =
        """
        SELECT i.Id, i.PortalUserId, i.ExpiresAt, i.UsedAt, u.Email, u.IsDisabled
        FROM PortalInvitations i JOIN PortalUsers u ON u.Id = i.PortalUserId
        WHERE i.TokenHash = @TokenHash
        """;

    /// <summary>Uses the link once: the second of two racing posts changes nothing.</summary>
    public const string UseInvitation = "UPDATE PortalInvitations SET UsedAt = @Now WHERE Id = @Id AND UsedAt IS NULL AND ExpiresAt > @Now";

    public const string LatestInvitations =
        """
        SELECT i.PortalUserId, i.ExpiresAt, i.UsedAt
        FROM PortalInvitations i
        WHERE i.Id IN (SELECT MAX(l.Id) FROM PortalInvitations l JOIN PortalUsers u ON u.Id = l.PortalUserId WHERE u.ClientId = @ClientId GROUP BY l.PortalUserId)
        """;

    /// <summary>Wrong passwords per (client user, address), kept by <see cref="Account.SignInLockouts"/>; the same statements on every database.</summary>
    public static string Lockouts(SqlDialect dialect, Account.LockoutStatement statement) =>
        Account.SignInLockouts.Statement(statement, "PortalSignInLockouts", "PortalUserId");

    /// <summary>The client itself and, for a health-insurance society, its member employers: what a client user may see.</summary>
    public const string VisibleClients =
        """
        SELECT c.Id, c.Name FROM Clients c WHERE c.Id = @ClientId
        UNION ALL
        SELECT m.Id, m.Name FROM Clients m WHERE m.ParentClientId = @ClientId
        """;

    /// <summary>Each (cohort, client) of the visible clients, from the reporting read model (no personal columns).</summary>
    public const string CohortsOfClients =
        """
        SELECT co.Id AS CohortId, co.Name AS CohortName, co.Status, co.StartDate, co.EnrolmentOpens, co.EnrolmentCloses,
               cc.ClientId, SUM(cc.Capacity) AS Seats
        FROM ReportingCohortContracts cc
        JOIN ReportingCohorts co ON co.Id = cc.CohortId
        WHERE cc.ClientId IN @ClientIds
        GROUP BY co.Id, co.Name, co.Status, co.StartDate, co.EnrolmentOpens, co.EnrolmentCloses, cc.ClientId
        ORDER BY co.StartDate DESC, co.Id DESC, cc.ClientId
        """;
}
