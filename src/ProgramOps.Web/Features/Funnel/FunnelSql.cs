using ProgramOps.Web.Features.Participants;

namespace ProgramOps.Web.Features.Funnel;

/// <summary>
/// The funnel explorer's SQL. Counts read only the reporting read model (<c>ReportingFunnelPeople</c>, <c>ReportingFunnelLeavers</c>, <c>ReportingParticipants</c>,
/// <c>ReportingCohorts</c>, <c>ReportingClients</c>: no personal columns); only the drill-down to people reads names, from
/// <c>Participants</c>.
/// A selection adds a condition per set field, so an unset field costs nothing and a cohort's funnel reads its cohort only.
/// </summary>
public static class FunnelSql
{
    /// <summary>Program weeks of the check-in curve: the smoking program's 12 weeks and the final week.</summary>
    public const int CurveWeeks = 13;

    /// <summary>
    /// The selection's people who did not drop out or withdraw, grouped by cohort and state, each group with its check-ins
    /// in every program week 1–<see cref="CurveWeeks"/>. People of a cohort and state with the same check-in map are one
    /// group first (read in the order of the funnel index), so the weeks are counted once per map rather than once per person.
    /// </summary>
    public static string Staying(SqlDialect dialect, SelectionFilters filters) =>
        $"""
        SELECT g.CohortId, g.State, SUM(g.People) AS People,
               {Weeks(dialect, "g.CheckInWeeks", "g.People")}
        FROM (SELECT p.CohortId, p.State, p.CheckInWeeks, COUNT(*) AS People
              {From("ReportingFunnelPeople", filters)}
                AND p.State NOT IN {LeftSql}
              GROUP BY p.CohortId, p.State, p.CheckInWeeks) g
        GROUP BY g.CohortId, g.State
        """;

    /// <summary>
    /// The selection's people who dropped out or withdrew, grouped by cohort, state, the state they left and the week they left
    /// in (weeks from 5 on are one stage, so one group), each group with its check-ins in every program week.
    /// </summary>
    public static string Leaving(SqlDialect dialect, SelectionFilters filters) =>
        $"""
        SELECT p.CohortId, p.State, p.ExitedFrom, {ExitWeek} AS ExitWeek, COUNT(*) AS People,
               {Weeks(dialect, "p.CheckInWeeks", "1")}
        {From("ReportingFunnelLeavers", filters)}
        GROUP BY p.CohortId, p.State, p.ExitedFrom, {ExitWeek}
        """;

    /// <summary>The start day of every cohort, for the program week each is in today.</summary>
    public const string CohortStarts = "SELECT Id, StartDate FROM ReportingCohorts";

    /// <summary>The selection's participants who left (or never joined), with what places them, for the drill-down.</summary>
    public static string Leavers(SelectionFilters filters) =>
        $"""
        SELECT p.Id, p.CohortId, p.State, p.ExitedFrom, p.StateChangedWeek AS ExitWeek
        {From("ReportingParticipants", filters)}
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

    private static readonly string LeftSql = ParticipantStates.SqlList(FunnelClassifier.LeftTheProgram);

    private const string ExitWeek = "CASE WHEN p.StateChangedWeek > 5 THEN 5 ELSE p.StateChangedWeek END";

    /// <summary>Per program week, the people of each row who checked in that week (<paramref name="people"/>: the row's count).</summary>
    private static string Weeks(SqlDialect dialect, string map, string people) =>
        string.Join(",\n       ", Enumerable.Range(1, CurveWeeks).Select(w =>
            $"SUM(CASE WHEN {Substring(dialect)}({map}, {w}, 1) = '1' THEN {people} ELSE 0 END) AS W{w}"));

    private static string Substring(SqlDialect dialect) => dialect.Provider == DatabaseProvider.Sqlite ? "substr" : "SUBSTRING";

    /// <summary>
    /// The selection's people in <paramref name="view"/> (alias <c>p</c>). A client or segment also narrows the cohorts first (a
    /// participant enrols through one of the cohort's contracts), so only those cohorts' people are read.
    /// </summary>
    private static string From(string view, SelectionFilters filters)
    {
        var conditions = new List<string> { "1 = 1" };
        if (filters.HasFlag(SelectionFilters.Program)) conditions.Add("c.ProgramId = @ProgramId");
        if (filters.HasFlag(SelectionFilters.Version)) conditions.Add("c.VersionNumber = @Version");
        if (filters.HasFlag(SelectionFilters.Client)) conditions.Add("p.ClientId = @ClientId AND p.CohortId IN (SELECT cc.CohortId FROM ReportingCohortContracts cc WHERE cc.ClientId = @ClientId)");
        if (filters.HasFlag(SelectionFilters.Segment))
        {
            conditions.Add("p.ClientId IN (SELECT cl.Id FROM ReportingClients cl WHERE cl.Segment = @Segment)");
            conditions.Add("p.CohortId IN (SELECT cc.CohortId FROM ReportingCohortContracts cc JOIN ReportingClients cl ON cl.Id = cc.ClientId WHERE cl.Segment = @Segment)");
        }

        if (filters.HasFlag(SelectionFilters.Cohort)) conditions.Add("p.CohortId = @CohortId");
        if (filters.HasFlag(SelectionFilters.StartFrom)) conditions.Add("c.StartDate >= @StartFrom");
        if (filters.HasFlag(SelectionFilters.StartTo)) conditions.Add("c.StartDate <= @StartTo");
        if (filters.HasFlag(SelectionFilters.Department)) conditions.Add("p.HasDepartment = @HasDepartment");
        if (filters.HasFlag(SelectionFilters.TeamSize))
        {
            // "+p.TeamId" keeps SQLite reading the funnel index: through the team index it would fetch each member's wide row.
            conditions.Add("+p.TeamId IN (SELECT t.TeamId FROM ReportingFunnelPeople t WHERE t.TeamId IS NOT NULL GROUP BY t.TeamId HAVING COUNT(*) = @TeamSize)");
        }

        var cohorts = filters & (SelectionFilters.Program | SelectionFilters.Version | SelectionFilters.StartFrom | SelectionFilters.StartTo);
        return $"""
            FROM {view} p
            {(cohorts == 0 ? "" : "JOIN ReportingCohorts c ON c.Id = p.CohortId")}
            WHERE {string.Join(" AND ", conditions)}
            """;
    }
}
