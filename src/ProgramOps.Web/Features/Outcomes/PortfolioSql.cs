namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// The portfolio's SQL: every cohort × client scope that passes the filter, then each scope's participants grouped as a
/// report groups them. The filter reads <c>@ProgramId</c>, <c>@VersionNumber</c>, <c>@ClientId</c>,
/// <c>@Segment</c>, <c>@From</c> and <c>@To</c> (cohort start days), each null for any.
/// </summary>
public static class PortfolioSql
{
    private const string Filter =
        """
        (@ProgramId IS NULL OR c.ProgramId = @ProgramId) AND (@VersionNumber IS NULL OR c.VersionNumber = @VersionNumber)
        AND (@ClientId IS NULL OR cl.Id = @ClientId) AND (@Segment IS NULL OR cl.Segment = @Segment)
        AND (@From IS NULL OR c.StartDate >= @From) AND (@To IS NULL OR c.StartDate <= @To)
        """;

    /// <summary>Each client's part of each cohort, with its seats and (when every contract gives it) its eligible population.</summary>
    public const string Scopes =
        $"""
        SELECT c.Id AS CohortId, c.Name AS CohortName, c.Status, c.StartDate, c.ProgramId, c.ProgramCode, c.VersionNumber, c.ProgramVersionId,
               cl.Id AS ClientId, cl.Name AS ClientName, cl.Segment, SUM(cc.Capacity) AS Seats,
               CASE WHEN COUNT(*) = COUNT(k.EligiblePopulation) THEN SUM(k.EligiblePopulation) END AS EligiblePopulation
        FROM ReportingCohorts c
        JOIN ReportingCohortContracts cc ON cc.CohortId = c.Id
        JOIN ReportingContracts k ON k.Id = cc.ContractId
        JOIN ReportingClients cl ON cl.Id = cc.ClientId
        WHERE {Filter}
        GROUP BY c.Id, c.Name, c.Status, c.StartDate, c.ProgramId, c.ProgramCode, c.VersionNumber, c.ProgramVersionId, cl.Id, cl.Name, cl.Segment
        """;

    public const string Definitions = "SELECT DISTINCT ProgramVersionId, Definition FROM ReportingCohorts";

    /// <summary>
    /// One scope's participants (<c>@CohortId</c>, <c>@ClientId</c>) grouped as its report groups them, with each group's
    /// satisfaction answers counted per score (<c>Score0</c>…<c>Score10</c>) in the same pass. The portfolio runs it once per
    /// scope, prepared once: a thousand sorts of a thousand rows cost less than one sort of a million, and the score is tested
    /// first so the respondent rule (its Enrolled) runs once per answer, not once per score column.
    /// </summary>
    public static readonly string ScopeGroups =
        $"""
        SELECT {OutcomesSql.GroupColumns}, COUNT(*) AS People,
               {string.Join(", ", Enumerable.Range(0, NetPromoterScore.Scores).Select(s => $"COUNT(CASE WHEN p.SatisfactionScore = {s} AND {OutcomesSql.Respondent} THEN 1 END) AS Score{s}"))}
        FROM ReportingParticipants p
        WHERE p.CohortId = @CohortId AND p.ClientId = @ClientId
        GROUP BY {OutcomesSql.GroupKey}
        """;

    /// <summary>The report settings (k) of every client that has changed them; the rest have the defaults.</summary>
    public const string SuppressionThresholds = "SELECT ClientId, K FROM ReportSettings";

    public const string Programs = "SELECT DISTINCT ProgramId, ProgramCode, VersionNumber FROM ReportingCohorts ORDER BY ProgramCode, VersionNumber";

    public const string Clients =
        "SELECT DISTINCT cl.Id, cl.Name FROM ReportingClients cl JOIN ReportingCohortContracts cc ON cc.ClientId = cl.Id ORDER BY cl.Name, cl.Id";
}
