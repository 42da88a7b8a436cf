using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Home;

/// <summary>What each role's home page reads: small counts and the first rows of lists that link to the full lists.</summary>
public static class HomeSql
{
    /// <summary>Active contracts ending soon, earliest first: the renewals BizDev and CS must act on.</summary>
    public static string UpcomingRenewals(SqlDialect dialect) =>
        $"""
        SELECT ct.ClientId, c.Name AS ClientName, ct.ProgramName, ct.EndDate, ct.AutoRenew, ct.Seats
        FROM Contracts ct
        JOIN Clients c ON c.Id = ct.ClientId
        WHERE ct.Status = 'Active' AND ct.EndDate >= @Today AND ct.EndDate <= @Until AND c.IsArchived = 0
          AND (@BizDevOwnerId IS NULL OR c.BizDevOwnerId = @BizDevOwnerId)
        {dialect.OrderAndPage("ct.EndDate, c.Name, ct.Id")}
        """;

    /// <summary>The cohorts a CS owner runs or is about to run (or, without an owner, every such cohort).</summary>
    public const string ActiveCohorts =
        """
        SELECT c.Id, c.Name, c.Status, c.StartDate, c.EnrolmentCloses
        FROM Cohorts c
        WHERE c.Status IN ('Planned', 'Enrolling', 'Running') AND (@CsOwnerId IS NULL OR c.CsOwnerId = @CsOwnerId)
        ORDER BY c.StartDate, c.Id
        """;

    public const string ParticipantsByState =
        "SELECT p.CohortId, p.State, COUNT(*) AS People FROM Participants p WHERE p.CohortId IN @CohortIds GROUP BY p.CohortId, p.State";

    /// <summary>Kits and refills waiting for the export, and the parcels with an open problem (returned, address, overdue), per cohort.</summary>
    public const string ShipmentsDueOrInTrouble =
        """
        SELECT s.CohortId, COUNT(*) AS Due, 0 AS InTrouble FROM Shipments s WHERE s.CohortId IN @CohortIds AND s.Status = 'Due' GROUP BY s.CohortId
        UNION ALL
        SELECT a.CohortId, 0 AS Due, COUNT(*) AS InTrouble FROM CsActions a
        WHERE a.CohortId IN @CohortIds AND a.Kind = 'ShipmentProblem' AND a.Status IN ('Open', 'Snoozed') GROUP BY a.CohortId
        """;

    /// <summary>A user's open actions due by a day (overdue ones first).</summary>
    public static string ActionsDue(SqlDialect dialect) =>
        $"""
        SELECT a.Id, a.Kind, a.Reason, a.DueOn, a.CohortId, co.Name AS CohortName, a.ClientId, c.Name AS ClientName
        FROM CsActions a
        LEFT JOIN Cohorts co ON co.Id = a.CohortId
        LEFT JOIN Clients c ON c.Id = a.ClientId
        WHERE a.OwnerId = @UserId AND a.Status = 'Open' AND a.DueOn <= @DueBy
        {dialect.OrderAndPage("a.DueOn, a.Id")}
        """;

    public const string ActionsDueCount = "SELECT COUNT(*) FROM CsActions a WHERE a.OwnerId = @UserId AND a.Status = 'Open' AND a.DueOn <= @DueBy";

    public const string ClientsOfBizDev =
        "SELECT c.Id, c.Name FROM Clients c WHERE c.BizDevOwnerId = @UserId AND c.IsArchived = 0";

    /// <summary>
    /// A BizDev owner's clients whose part of an ended cohort has no final outcome report yet (the cohort is Completed and
    /// waits for them to become Reported).
    /// </summary>
    public static string ReportsDue(SqlDialect dialect) =>
        $"""
        SELECT co.Id AS CohortId, co.Name AS CohortName, c.Id AS ClientId, c.Name AS ClientName, co.StartDate
        FROM Cohorts co
        JOIN CohortContracts cc ON cc.CohortId = co.Id
        JOIN Contracts k ON k.Id = cc.ContractId
        JOIN Clients c ON c.Id = k.ClientId
        WHERE co.Status = 'Completed' AND c.BizDevOwnerId = @UserId
          AND NOT EXISTS (SELECT 1 FROM ReportVersions v WHERE v.CohortId = co.Id AND v.ClientId = c.Id AND v.Kind = 'Final')
        GROUP BY co.Id, co.Name, c.Id, c.Name, co.StartDate
        {dialect.OrderAndPage("co.StartDate, co.Id, c.Id")}
        """;

    public const string FailedImports =
        """
        SELECT i.Id, i.CohortId, co.Name AS CohortName, i.FileName, i.FailureReason, i.UploadedAt
        FROM RosterImports i
        JOIN Cohorts co ON co.Id = i.CohortId
        WHERE i.Status = 'Failed' AND i.UpdatedAt >= @Since
        ORDER BY i.Id DESC
        """;

    /// <summary>Keys not revoked that the app has never used, or not since a day: an integration that stopped sending.</summary>
    public const string IdleApiKeys =
        """
        SELECT k.Id, k.Name, k.CreatedAt, k.LastUsedAt
        FROM ApiKeys k
        WHERE k.RevokedAt IS NULL AND (k.LastUsedAt IS NULL OR k.LastUsedAt < @Since)
        ORDER BY k.Name
        """;

    /// <summary>Keys the events API refused calls from since the given time (bad signature, replay, invalid payload), most refused first.</summary>
    public const string FailingApiKeys =
        """
        SELECT k.Id, k.Name, k.RejectedCalls, k.LastRejectedAt, k.LastRejection
        FROM ApiKeys k
        WHERE k.RevokedAt IS NULL AND k.LastRejectedAt >= @Since
        ORDER BY k.RejectedCalls DESC, k.Name
        """;

    /// <summary>Accounts with a sign-in lock still running (from any address) or disabled.</summary>
    public const string LockedOutUsers =
        """
        SELECT u.Id, u.UserName, u.DisplayName, MAX(l.LockedUntil) AS LockedUntil
        FROM Users u
        JOIN SignInLockouts l ON l.UserId = u.Id
        WHERE l.LockedUntil > @Now
        GROUP BY u.Id, u.UserName, u.DisplayName
        ORDER BY u.UserName
        """;
}
