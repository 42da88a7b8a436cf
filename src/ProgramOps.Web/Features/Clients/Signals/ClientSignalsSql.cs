namespace ProgramOps.Web.Features.Clients.Signals;

public static class ClientSignalsSql
{
    public const string Thresholds =
        """
        SELECT HealthBelowEnterprise, HealthBelowSmb, SeatsNearlyUsedPercent, UnderEnrolledBelowPercent, ReportDueDaysAfterEnd,
               Version
        FROM ClientSignalThresholds WHERE Id = 1
        """;

    public const string ThresholdsLastChange = "SELECT UpdatedBy, UpdatedAt FROM ClientSignalThresholds WHERE Id = @Id";

    public const string UpdateThresholds =
        """
        UPDATE ClientSignalThresholds
        SET HealthBelowEnterprise = @HealthBelowEnterprise, HealthBelowSmb = @HealthBelowSmb, SeatsNearlyUsedPercent = @SeatsNearlyUsedPercent,
            UnderEnrolledBelowPercent = @UnderEnrolledBelowPercent, ReportDueDaysAfterEnd = @ReportDueDaysAfterEnd,
            Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = 1 AND Version = @Version
        """;

    /// <summary>The clients run (not archived), whether each is a customer (an active contract) and has a decision maker on file.</summary>
    public const string Clients =
        """
        SELECT c.Id AS ClientId, c.Segment, c.TouchModel, c.BizDevOwnerId,
               CASE WHEN EXISTS (SELECT 1 FROM Contracts k WHERE k.ClientId = c.Id AND k.Status = 'Active' AND k.EndDate >= @Today) THEN 1 ELSE 0 END AS IsCustomer,
               CASE WHEN EXISTS (SELECT 1 FROM KeyPersons p WHERE p.ClientId = c.Id AND p.Role = 'DecisionMaker') THEN 1 ELSE 0 END AS HasDecisionMaker
        FROM Clients c
        WHERE c.IsArchived = 0
        """;

    /// <summary>Active contracts of clients run, with the seats planned into cohorts from each.</summary>
    public const string ContractSeats =
        """
        SELECT k.Id AS ContractId, k.ClientId, c.BizDevOwnerId, k.ProgramName, k.Seats,
               COALESCE((SELECT SUM(cc.Capacity) FROM CohortContracts cc WHERE cc.ContractId = k.Id), 0) AS SeatsUsed
        FROM Contracts k
        JOIN Clients c ON c.Id = k.ClientId
        WHERE k.Status = 'Active' AND k.EndDate >= @Today AND c.IsArchived = 0
        """;

    /// <summary>
    /// Each client's part of every cohort whose enrolment window has closed and that is not reported yet: the seats it put
    /// in, the people of it who enrolled (as reports count them), and whether its final report is issued.
    /// </summary>
    public const string CohortSlices =
        """
        SELECT s.CohortId, s.ClientId, c.BizDevOwnerId, co.Status, co.StartDate, co.ProgramVersionId, s.Capacity,
               (SELECT COUNT(*) FROM ReportingParticipants p WHERE p.CohortId = s.CohortId AND p.ClientId = s.ClientId AND p.Enrolled = 1) AS Enrolled,
               CASE WHEN EXISTS (SELECT 1 FROM ReportVersions r WHERE r.CohortId = s.CohortId AND r.ClientId = s.ClientId AND r.Kind = 'Final') THEN 1 ELSE 0 END AS FinalReportIssued
        FROM (SELECT cc.CohortId, k.ClientId, SUM(cc.Capacity) AS Capacity
              FROM CohortContracts cc JOIN Contracts k ON k.Id = cc.ContractId
              GROUP BY cc.CohortId, k.ClientId) s
        JOIN Cohorts co ON co.Id = s.CohortId
        JOIN Clients c ON c.Id = s.ClientId
        WHERE co.Status IN ('Enrolling', 'Running', 'Completed') AND co.EnrolmentCloses < @Today AND c.IsArchived = 0
        """;

    public const string ProgramDefinitions = "SELECT Id, Definition FROM ProgramVersions WHERE Id IN @Ids";
}
