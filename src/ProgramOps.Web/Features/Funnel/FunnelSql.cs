using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Funnel;

/// <summary>
/// The funnel explorer's SQL. Counts read only the reporting read model (<c>ReportingParticipants</c>, <c>ReportingCohorts</c>,
/// <c>ReportingClients</c>: no personal columns); only the drill-down to people reads names, from <c>Participants</c>.
/// A selection adds a condition per set field, so an unset field costs nothing and a cohort's funnel reads its cohort only.
/// </summary>
public static class FunnelSql
{
    /// <summary>Program weeks of the check-in curve: the smoking program's 12 weeks and the final week.</summary>
    public const int CurveWeeks = 13;

    /// <summary>The selection's participants grouped by what places them in the funnel: cohort, state, state left, week of leaving.</summary>
    public static string Places(SelectionFilters filters) =>
        $"""
        SELECT p.CohortId, p.State, p.ExitedFrom, {ExitWeek} AS ExitWeek, COUNT(*) AS People
        {From(filters)}
        GROUP BY p.CohortId, p.State, p.ExitedFrom, {ExitWeek}
        """;

    /// <summary>
    /// Per cohort, the selection's participants who checked in during each program week 1–<see cref="CurveWeeks"/> (only those
    /// who started can have): the curve's numerators, counted apart from the places so the two run side by side.
    /// </summary>
    public static string CheckIns(SqlDialect dialect, SelectionFilters filters)
    {
        var weeks = string.Join(",\n       ", Enumerable.Range(1, CurveWeeks).Select(w =>
            $"SUM(CASE WHEN {Substring(dialect)}(p.CheckInWeeks, {w}, 1) = '1' THEN 1 ELSE 0 END) AS W{w}"));
        return $"""
            SELECT p.CohortId, {weeks}
            {From(filters)}
            GROUP BY p.CohortId
            """;
    }

    /// <summary>The start day of every cohort, for the program week each is in today.</summary>
    public const string CohortStarts = "SELECT Id, StartDate FROM ReportingCohorts";

    /// <summary>The selection's participants who left (or never joined), with what places them, for the drill-down.</summary>
    public static string Leavers(SelectionFilters filters) =>
        $"""
        SELECT p.Id, p.CohortId, p.State, p.ExitedFrom, p.StateChangedWeek AS ExitWeek
        {From(filters)}
          AND p.State IN {ParticipantStates.SqlList(state => !state.TakesPart() && state != ParticipantState.Completed)}
        ORDER BY p.Id
        """;

    /// <summary>The people of a drill-down page (<c>@Ids</c>): name (erased on withdrawal), cohort and client.</summary>
    public const string People =
        """
        SELECT p.Id, p.FullName, p.Kana, p.State, p.CohortId, co.Name AS CohortName, cl.Name AS ClientName
        FROM Participants p
        JOIN Cohorts co ON co.Id = p.CohortId
        JOIN Clients cl ON cl.Id = p.ClientId
        WHERE p.Id IN @Ids
        ORDER BY p.Id
        """;

    public const string Programs = "SELECT DISTINCT ProgramId, ProgramCode, VersionNumber FROM ReportingCohorts ORDER BY ProgramCode, VersionNumber";

    public const string Cohorts = "SELECT Id, Name FROM ReportingCohorts ORDER BY StartDate DESC, Id DESC";

    public const string Clients =
        "SELECT DISTINCT cl.Id, cl.Name FROM ReportingClients cl JOIN ReportingCohortContracts cc ON cc.ClientId = cl.Id ORDER BY cl.Name, cl.Id";

    /// <summary>The program week a participant left in, for those who left; weeks from 5 on are one stage, so one group.</summary>
    private const string ExitWeek =
        "CASE WHEN p.State IN ('DroppedOut', 'Withdrawn') THEN CASE WHEN p.StateChangedWeek > 5 THEN 5 ELSE p.StateChangedWeek END ELSE 0 END";

    private static string Substring(SqlDialect dialect) => dialect.Provider == DatabaseProvider.Sqlite ? "substr" : "SUBSTRING";

    private static string From(SelectionFilters filters)
    {
        var conditions = new List<string> { "1 = 1" };
        if (filters.HasFlag(SelectionFilters.Program)) conditions.Add("c.ProgramId = @ProgramId");
        if (filters.HasFlag(SelectionFilters.Version)) conditions.Add("c.VersionNumber = @Version");
        if (filters.HasFlag(SelectionFilters.Client)) conditions.Add("p.ClientId = @ClientId");
        if (filters.HasFlag(SelectionFilters.Segment)) conditions.Add("p.ClientId IN (SELECT cl.Id FROM ReportingClients cl WHERE cl.Segment = @Segment)");
        if (filters.HasFlag(SelectionFilters.Cohort)) conditions.Add("p.CohortId = @CohortId");
        if (filters.HasFlag(SelectionFilters.StartFrom)) conditions.Add("c.StartDate >= @StartFrom");
        if (filters.HasFlag(SelectionFilters.StartTo)) conditions.Add("c.StartDate <= @StartTo");
        if (filters.HasFlag(SelectionFilters.Department)) conditions.Add("p.HasDepartment = @HasDepartment");
        if (filters.HasFlag(SelectionFilters.TeamSize))
        {
            conditions.Add("p.TeamId IN (SELECT t.TeamId FROM ReportingParticipants t WHERE t.TeamId IS NOT NULL GROUP BY t.TeamId HAVING COUNT(*) = @TeamSize)");
        }

        var cohorts = filters & (SelectionFilters.Program | SelectionFilters.Version | SelectionFilters.StartFrom | SelectionFilters.StartTo);
        return $"""
            FROM ReportingParticipants p
            {(cohorts == 0 ? "" : "JOIN ReportingCohorts c ON c.Id = p.CohortId")}
            WHERE {string.Join(" AND ", conditions)}
            """;
    }
}
