using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// The report's SQL. It reads only the Reporting* views (the read model other features' data is reported through) and
/// the report's own tables, and it aggregates in the database: a report of 100,000 people reads a few hundred rows.
/// A scope is <c>@CohortIds</c> and, for a client's slice, <c>@ClientId</c> (null for whole cohorts).
/// </summary>
public static class OutcomesSql
{
    internal const string InScope = "p.CohortId IN @CohortIds AND (@ClientId IS NULL OR p.ClientId = @ClientId)";

    /// <summary>What a <see cref="ParticipantGroup"/> shares: its columns, and the same as a GROUP BY key.</summary>
    internal const string GroupColumns =
        """
        p.ContractId, p.Enrolled, p.State, p.ExitedFrom, p.Outcome, p.StateChangedWeek, p.LastCheckInWeek, p.AgeBand,
        CASE WHEN p.CoPpm < @CoCutoff THEN 1 ELSE 0 END AS CoBelowCutoff, p.WeightChangeKg, p.WaistChangeCm
        """;

    /// <summary>
    /// The same columns as <see cref="GroupColumns"/>, those that differ most between neighbours first: the database
    /// sorts the rows by this key to group them, and a comparison ends at the first column that differs.
    /// </summary>
    internal const string GroupKey =
        """
        p.AgeBand, p.StateChangedWeek, p.LastCheckInWeek, p.ContractId, p.Enrolled, p.State, p.ExitedFrom, p.Outcome,
        CASE WHEN p.CoPpm < @CoCutoff THEN 1 ELSE 0 END, p.WeightChangeKg, p.WaistChangeCm
        """;

    public const string ParticipantGroups =
        $"SELECT {GroupColumns}, COUNT(*) AS People FROM ReportingParticipants p WHERE {InScope} GROUP BY {GroupKey}";

    private static readonly string LeftStates = ParticipantStates.SqlList(ParticipantGroup.HasLeft);

    /// <summary>Enrolled participants who checked in, by their week map and the week they left (null while taking part).</summary>
    public static readonly string CheckInWeekGroups =
        $"""
        SELECT p.CheckInWeeks AS Weeks, CASE WHEN p.State IN {LeftStates} THEN p.StateChangedWeek END AS LeftInWeek, COUNT(*) AS People
        FROM ReportingParticipants p
        WHERE {InScope} AND p.Enrolled = 1 AND p.CheckInWeeks <> ''
        GROUP BY p.CheckInWeeks, CASE WHEN p.State IN {LeftStates} THEN p.StateChangedWeek END
        """;

    public const string TeamsInScope =
        $"SELECT COUNT(DISTINCT p.TeamId) FROM ReportingParticipants p WHERE {InScope} AND p.TeamId IS NOT NULL";

    /// <summary>The members (of any client) of the scope's teams who checked in, by team and week map.</summary>
    public const string TeamCheckInWeeks =
        """
        SELECT p.TeamId, p.CheckInWeeks AS Weeks, COUNT(*) AS People
        FROM ReportingParticipants p
        WHERE p.CohortId IN @CohortIds AND p.CheckInWeeks <> ''
          AND p.TeamId IN (SELECT s.TeamId FROM ReportingParticipants s
                           WHERE s.CohortId IN @CohortIds AND (@ClientId IS NULL OR s.ClientId = @ClientId) AND s.TeamId IS NOT NULL)
        GROUP BY p.TeamId, p.CheckInWeeks
        """;

    /// <summary>A participant whose satisfaction answer counts: enrolled, with a score from 0 to 10.</summary>
    internal const string Respondent = "p.Enrolled = 1 AND p.SatisfactionScore BETWEEN 0 AND 10";

    public const string Satisfaction =
        $"""
        SELECT p.SatisfactionScore AS Score, COUNT(*) AS Count
        FROM ReportingParticipants p
        WHERE {InScope} AND {Respondent}
        GROUP BY p.SatisfactionScore
        """;

    /// <summary>The cohorts run on a program version (<c>@VersionId</c>), whose participants a comparison of versions counts.</summary>
    public const string CohortsOfVersion = "SELECT Id FROM ReportingCohorts WHERE ProgramVersionId = @VersionId ORDER BY Id";

    public const string Cohort =
        """
        SELECT Id, Name, Status, StartDate, ProgramId, ProgramCode, VersionNumber, Definition
        FROM ReportingCohorts WHERE Id = @CohortId
        """;

    /// <summary>The clients of a cohort, with their seats in it and how many of their people enrolled.</summary>
    public const string CohortClients =
        """
        SELECT cl.Id, cl.Name, s.Seats,
               (SELECT COALESCE(SUM(p.Enrolled), 0) FROM ReportingParticipants p WHERE p.CohortId = @CohortId AND p.ClientId = cl.Id) AS Enrolled
        FROM (SELECT cc.ClientId, SUM(cc.Capacity) AS Seats FROM ReportingCohortContracts cc WHERE cc.CohortId = @CohortId GROUP BY cc.ClientId) s
        JOIN ReportingClients cl ON cl.Id = s.ClientId
        ORDER BY cl.Name, cl.Id
        """;

    public const string Contracts =
        """
        SELECT k.Id, k.ClientId, k.ProgramName, cc.Capacity, k.PricePerSeatJpy, k.EligiblePopulation, k.EligiblePopulationAsOf,
               k.FeePerIttSuccessJpy, k.FeePerVerifiedSuccessJpy, k.FeePerCompleterJpy
        FROM ReportingCohortContracts cc
        JOIN ReportingContracts k ON k.Id = cc.ContractId
        WHERE cc.CohortId = @CohortId AND (@ClientId IS NULL OR cc.ClientId = @ClientId)
        ORDER BY k.Id
        """;

    /// <summary>The program's other cohorts that have ended, for the pooled comparison.</summary>
    public const string OtherEndedCohorts =
        "SELECT Id FROM ReportingCohorts WHERE ProgramId = @ProgramId AND Id <> @CohortId AND Status IN ('Completed', 'Reported')";

    /// <summary>The client's earlier cohorts of the same program, latest first.</summary>
    public const string PreviousCohorts =
        """
        SELECT c.Id, c.Name
        FROM ReportingCohorts c
        WHERE c.ProgramId = @ProgramId AND c.StartDate < @StartDate
          AND c.Id IN (SELECT cc.CohortId FROM ReportingCohortContracts cc WHERE cc.ClientId = @ClientId)
        ORDER BY c.StartDate DESC, c.Id DESC
        """;

    public const string ClientName = "SELECT Name FROM ReportingClients WHERE Id = @ClientId";

    public const string KeyPersons = "SELECT Id, Name, Title, Role FROM ReportingKeyPersons WHERE ClientId = @ClientId ORDER BY Name, Id";

    public const string Settings =
        "SELECT K, MedicalCostPerSmokerYearJpy, LostProductivityPerSmokerYearJpy, Version FROM ReportSettings WHERE ClientId = @ClientId";

    public const string InsertSettings =
        """
        INSERT INTO ReportSettings (ClientId, K, MedicalCostPerSmokerYearJpy, LostProductivityPerSmokerYearJpy, Version, UpdatedAt, UpdatedBy)
        VALUES (@ClientId, @K, @MedicalCostPerSmokerYearJpy, @LostProductivityPerSmokerYearJpy, 1, @Now, @Actor)
        """;

    public const string UpdateSettings =
        """
        UPDATE ReportSettings
        SET K = @K, MedicalCostPerSmokerYearJpy = @MedicalCostPerSmokerYearJpy, LostProductivityPerSmokerYearJpy = @LostProductivityPerSmokerYearJpy,
            Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE ClientId = @ClientId AND Version = @Version
        """;

    public const string Quotes =
        "SELECT Id, Source, SourceId, Text FROM ReportQuotes WHERE CohortId = @CohortId AND ClientId = @ClientId ORDER BY Id";

    public const string QuoteTexts = "SELECT Text FROM ReportQuotes WHERE CohortId = @CohortId AND ClientId = @ClientId ORDER BY Id";

    public static string QuoteSources(SqlDialect dialect) =>
        $"""
        SELECT q.Source, q.SourceId, q.OccurredAt, q.Text
        FROM ReportingQuoteSources q
        WHERE q.CohortId = @CohortId AND q.ClientId = @ClientId
          AND NOT EXISTS (SELECT 1 FROM ReportQuotes r WHERE r.CohortId = q.CohortId AND r.ClientId = q.ClientId AND r.Source = q.Source AND r.SourceId = q.SourceId)
        {dialect.OrderAndPage("q.OccurredAt DESC, q.SourceId DESC")}
        """;

    public const string QuoteSource =
        "SELECT Source, SourceId, OccurredAt, Text FROM ReportingQuoteSources WHERE CohortId = @CohortId AND ClientId = @ClientId AND Source = @Source AND SourceId = @SourceId";

    public const string InsertQuote =
        """
        INSERT INTO ReportQuotes (CohortId, ClientId, Source, SourceId, Text, PickedAt, PickedBy)
        VALUES (@CohortId, @ClientId, @Source, @SourceId, @Text, @Now, @Actor)
        """;

    public const string DeleteQuote = "DELETE FROM ReportQuotes WHERE Id = @Id AND CohortId = @CohortId AND ClientId = @ClientId";

    public const string Versions =
        """
        SELECT Id, VersionNumber, Kind, Language, K, PopulationSize, Recipients, IssuedAt, IssuedBy,
               CASE WHEN Pdf IS NULL THEN 0 ELSE 1 END AS HasPdf
        FROM ReportVersions WHERE CohortId = @CohortId AND ClientId = @ClientId
        ORDER BY VersionNumber DESC
        """;

    public const string NextVersionNumber =
        "SELECT COALESCE(MAX(VersionNumber), 0) + 1 FROM ReportVersions WHERE CohortId = @CohortId AND ClientId = @ClientId";

    public const string InsertVersion =
        """
        INSERT INTO ReportVersions (CohortId, ClientId, VersionNumber, Kind, Language, K, PopulationSize, Recipients, Figures, Html,
                                    Workbook, Csv, IssuedAt, IssuedById, IssuedBy)
        VALUES (@CohortId, @ClientId, @VersionNumber, @Kind, @Language, @K, @PopulationSize, @Recipients, @Figures, @Html,
                @Workbook, @Csv, @Now, @UserId, @Actor);
        """;

    /// <summary>The people an issued report counted, copied set-based from the scope it was drawn for.</summary>
    public const string InsertPopulation =
        $"""
        INSERT INTO ReportPopulations (ReportVersionId, ParticipantId)
        SELECT @VersionId, p.Id FROM ReportingParticipants p WHERE {InScope}
        """;

    public const string PopulationSize = $"SELECT COUNT(*) FROM ReportingParticipants p WHERE {InScope}";

    /// <summary>Each issued report of the client: how many it counted and how many of those the scope counts too.</summary>
    public const string IssuedPopulations =
        $"""
        SELECT v.VersionNumber, v.PopulationSize AS Population,
               (SELECT COUNT(*) FROM ReportPopulations rp JOIN ReportingParticipants p ON p.Id = rp.ParticipantId
                WHERE rp.ReportVersionId = v.Id AND {InScope}) AS Shared
        FROM ReportVersions v WHERE v.ClientId = @ReportClientId
        """;

    public const string VersionDocument =
        "SELECT Id, VersionNumber, Language, Html, Workbook, Csv, Pdf FROM ReportVersions WHERE CohortId = @CohortId AND ClientId = @ClientId AND VersionNumber = @VersionNumber";

    public const string StorePdf = "UPDATE ReportVersions SET Pdf = @Pdf WHERE Id = @Id AND Pdf IS NULL";

    /// <summary>Clients of the cohort without an issued final report (the cohort's Reported guard).</summary>
    public const string ClientsWithoutFinalReport =
        """
        SELECT COUNT(*) FROM (SELECT DISTINCT cc.ClientId FROM ReportingCohortContracts cc WHERE cc.CohortId = @CohortId) c
        WHERE NOT EXISTS (SELECT 1 FROM ReportVersions v WHERE v.CohortId = @CohortId AND v.ClientId = c.ClientId AND v.Kind = 'Final')
        """;
}
