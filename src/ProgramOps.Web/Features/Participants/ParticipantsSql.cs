namespace ProgramOps.Web.Features.Participants;

public enum ParticipantSort
{
    Imported,
    Name,
    EmployeeNumber,
    State,
    Team,
}

/// <summary>The cohort a participant list belongs to.</summary>
public sealed record ListedCohort
{
    public required string Name { get; init; }
    public DateOnly StartDate { get; init; }
    public required string Definition { get; init; }
}

/// <summary>Which of the participant list's filters are set (<see cref="ParticipantFilter.InUse"/>).</summary>
[Flags]
public enum ParticipantListFilters
{
    None = 0,
    State = 1,
    Client = 2,
    Team = 4,
    Week = 8,
    Search = 16,
    Pseudonym = 32,
}

public static class ParticipantsSql
{
    /// <summary>
    /// The list's WHERE clause with only the filters in use: a condition such as <c>(@State IS NULL OR p.State = @State)</c>
    /// cannot choose an index, so counting a filtered 100,000-participant cohort read every row.
    /// </summary>
    private static string ListFilter(ParticipantListFilters used)
    {
        var conditions = new List<string> { "p.CohortId = @CohortId" };
        if (used.HasFlag(ParticipantListFilters.State)) conditions.Add("p.State = @State");
        if (used.HasFlag(ParticipantListFilters.Client)) conditions.Add("p.ClientId = @ClientId");
        if (used.HasFlag(ParticipantListFilters.Team)) conditions.Add("p.TeamId = (SELECT tf.Id FROM Teams tf WHERE tf.CohortId = @CohortId AND tf.Number = @TeamNumber)");
        if (used.HasFlag(ParticipantListFilters.Week))
            conditions.Add("((@Week = 0 AND p.LastCheckInOn IS NULL) OR (p.LastCheckInOn >= @CheckInFrom AND p.LastCheckInOn < @CheckInBefore))");
        if (used.HasFlag(ParticipantListFilters.Search))
        {
            // Each way of finding someone reads its own index of the cohort; the union holds only those found.
            conditions.Add("""
                p.Id IN (SELECT s.Id FROM Participants s WHERE s.CohortId = @CohortId AND s.SearchName >= @SearchFrom AND s.SearchName < @SearchTo
                         UNION SELECT s.Id FROM Participants s WHERE s.CohortId = @CohortId AND s.SearchKana >= @SearchFrom AND s.SearchKana < @SearchTo
                         UNION SELECT s.Id FROM Participants s WHERE s.CohortId = @CohortId AND s.EmployeeNumber = @SearchExact
                         UNION SELECT s.Id FROM Participants s WHERE s.CohortId = @CohortId AND s.Email = @SearchExact)
                """);
        }

        if (used.HasFlag(ParticipantListFilters.Pseudonym)) conditions.Add("p.Id = @PseudonymId");
        return "WHERE " + string.Join("\n  AND ", conditions);
    }

    /// <summary>Everyone the list's filter selects, with what the lifecycle needs, for a bulk step (capped by <c>@Take</c>).</summary>
    public static string Selected(SqlDialect dialect, ParticipantListFilters used) =>
        $"""
        SELECT p.Id, p.State, p.Version, p.LastCheckInOn, p.TeamId
        FROM Participants p
        {ListFilter(used)}
        {dialect.OrderAndPage("p.Id")}
        """;

    /// <summary>Counted apart from the page (not a window count), so a page can stop after its rows in index order.</summary>
    public static string Count(ParticipantListFilters used) => "SELECT COUNT(*) FROM Participants p " + ListFilter(used);

    /// <summary>
    /// One page of a cohort's participants; the ORDER BY comes from a fixed set of columns, each served by an index
    /// that starts with CohortId. The page's ids are found first from the index alone, and only its 50 rows are then
    /// read and joined: a deep page skips index entries, not rows with their client and team.
    /// </summary>
    public static string List(SqlDialect dialect, ParticipantSort sort, bool descending, ParticipantListFilters used)
    {
        var direction = descending ? "DESC" : "ASC";
        var orderBy = sort switch
        {
            // The id breaks ties in the same direction, so one index read forwards or backwards serves either.
            ParticipantSort.Name => $"p.Kana {direction}, p.FullName {direction}, p.Id {direction}",
            ParticipantSort.EmployeeNumber => $"p.EmployeeNumber {direction}, p.Id {direction}",
            ParticipantSort.State => $"p.State {direction}, p.Id {direction}",
            ParticipantSort.Team => $"p.TeamId {direction}, p.Id {direction}",
            _ => $"p.Id {direction}",
        };
        return $"""
            SELECT p.Id, p.EmployeeNumber, p.FullName, p.Kana, p.Email, p.Department, p.State, p.Outcome, p.InvitationCode,
                   p.LastCheckInOn, t.Id AS TeamId, t.Number AS TeamNumber, c.Name AS ClientName, p.AnonymisedAt
            FROM Participants p
            JOIN Clients c ON c.Id = p.ClientId
            LEFT JOIN Teams t ON t.Id = p.TeamId
            WHERE p.Id IN (SELECT page.Id FROM (SELECT p.Id FROM Participants p {ListFilter(used)} {dialect.OrderAndPage(orderBy)}) page)
            ORDER BY {orderBy}
            """;
    }

    /// <summary>Participants with a name but no search keys yet, in id order after <c>@AfterId</c> (<see cref="ParticipantSearchKeysBackfill"/>).</summary>
    public static string WithoutSearchKeys(SqlDialect dialect) =>
        $"""
        SELECT Id, FullName, Kana FROM Participants
        WHERE Id > @AfterId AND SearchName IS NULL AND (FullName IS NOT NULL OR Kana IS NOT NULL)
        {dialect.OrderAndPage("Id")}
        """;

    public const string SetSearchKeys = "UPDATE Participants SET SearchName = @SearchName, SearchKana = @SearchKana WHERE Id = @Id";

    public const string ClientsOfCohort =
        """
        SELECT DISTINCT c.Id, c.Name
        FROM CohortContracts cc JOIN Contracts ct ON ct.Id = cc.ContractId JOIN Clients c ON c.Id = ct.ClientId
        WHERE cc.CohortId = @CohortId
        ORDER BY c.Name
        """;


    /// <summary>A cohort's name, start and program (<see cref="ListedCohort"/>), for the list and the bulk step.</summary>
    public const string CohortProgram =
        "SELECT co.Name, co.StartDate, v.Definition FROM Cohorts co JOIN ProgramVersions v ON v.Id = co.ProgramVersionId WHERE co.Id = @CohortId";

    /// <summary>One participant with what the lifecycle's guards and the details page need.</summary>
    public const string Find = Participant + " WHERE p.Id = @Id";

    /// <summary>The participant an invitation code names, as the base app does.</summary>
    public const string FindByCode = Participant + " WHERE p.InvitationCode = @Code";

    /// <summary>
    /// The participants a batch of the base app's events names, as their lifecycle reads them (<see cref="LifecycleParticipant"/>:
    /// no personal columns), with their program version's id instead of its definition, which many of them share
    /// (<see cref="ProgramDefinitions"/>).
    /// </summary>
    public static string FindByCodes(SqlDialect dialect) =>
        $"""
        SELECT p.Id, p.CohortId, p.ClientId, p.InvitationCode, p.State, p.TeamId, p.LastCheckInOn, p.Version,
               {FirstKitDelivered}, co.StartDate AS ProgramStart, co.EnrolmentCloses, v.ProgramId, v.Id AS ProgramVersionId
        FROM Participants p
        JOIN Cohorts co ON co.Id = p.CohortId
        JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        WHERE p.InvitationCode IN ({dialect.JsonTexts("@Codes")})
        """;

    /// <summary>What tells whether a record read earlier still stands (<see cref="LifecycleParticipant.StaleAsync"/>).</summary>
    public static string Freshness(SqlDialect dialect) =>
        $"""
        SELECT p.Id, p.Version, {FirstKitDelivered}, co.StartDate AS ProgramStart, co.EnrolmentCloses, co.ProgramVersionId
        FROM Participants p JOIN Cohorts co ON co.Id = p.CohortId
        WHERE p.Id IN ({dialect.JsonIntegers("@Ids")})
        """;

    public const string ProgramDefinitions = "SELECT Id, Definition FROM ProgramVersions WHERE Id IN @Ids";

    private const string Participant = "SELECT " + ParticipantColumns + ", v.Definition " + ParticipantSources;

    /// <summary>The day the participant's first (week 0) kit was delivered, if it was: the quit-day guard reads it.</summary>
    private const string FirstKitDelivered =
        "(SELECT s.DeliveredOn FROM Shipments s WHERE s.ParticipantId = p.Id AND s.Week = 0 AND s.Status = 'Delivered') AS FirstKitDeliveredOn";

    private const string ParticipantColumns =
        $"""
        p.Id, p.CohortId, p.ContractId, p.ClientId, p.EmployeeNumber, p.FullName, p.Kana, p.Email, p.Department, p.BirthYear,
               p.InvitationCode, p.State, p.Outcome, p.TeamId, p.LastCheckInOn, p.StateChangedAt, p.AnonymisedAt, p.ImportId, p.ImportLine,
               p.Version, p.CreatedAt, p.UpdatedAt, p.UpdatedBy, p.QuitDate,
               {FirstKitDelivered},
               co.Name AS CohortName, co.StartDate AS ProgramStart, co.EnrolmentCloses, v.ProgramId, c.Name AS ClientName, t.Number AS TeamNumber
        """;

    private const string ParticipantSources =
        """

        FROM Participants p
        JOIN Cohorts co ON co.Id = p.CohortId
        JOIN ProgramVersions v ON v.Id = co.ProgramVersionId
        JOIN Clients c ON c.Id = p.ClientId
        LEFT JOIN Teams t ON t.Id = p.TeamId
        """;

    public const string SetState =
        """
        UPDATE Participants
        SET State = @State, Outcome = @Outcome, StateChangedAt = @Now, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND Version = @Version
        """;

    public const string InsertTransition =
        """
        INSERT INTO ParticipantTransitions (ParticipantId, FromState, ToState, TriggerName, Outcome, Actor, OccurredAt, Reason, EventId)
        VALUES (@ParticipantId, @FromState, @ToState, @TriggerName, @Outcome, @Actor, @OccurredAt, @Reason, @EventId)
        """;

    public const string History =
        """
        SELECT Id, FromState, ToState, TriggerName, Outcome, Actor, OccurredAt, Reason, EventId
        FROM ParticipantTransitions WHERE ParticipantId = @Id ORDER BY Id DESC
        """;

    /// <summary>
    /// Withdrawal of consent: every personal value goes, free text included; the row, its state history and its
    /// team place stay, so the cohort's counts stay right.
    /// </summary>
    public const string Anonymise =
        """
        UPDATE Participants
        SET EmployeeNumber = NULL, FullName = NULL, Kana = NULL, Email = NULL, Department = NULL, BirthYear = NULL, QuitDate = NULL,
            SearchName = NULL, SearchKana = NULL,
            FinalCoPpm = NULL, FinalWeightChangeKg = NULL, FinalWaistChangeCm = NULL, SatisfactionScore = NULL, AnonymisedAt = @Now
        WHERE Id = @Id
        """;

    /// <summary>The latest events from the app, for the participant's timeline.</summary>
    public static string LatestEvents(SqlDialect dialect) =>
        $"""
        SELECT EventType, OccurredAt, Payload FROM ParticipantEvents WHERE ParticipantId = @Id
        {dialect.OrderAndPage("OccurredAt DESC, Id DESC")}
        """;

    public const string EraseTransitionReasons = "UPDATE ParticipantTransitions SET Reason = NULL WHERE ParticipantId = @Id";

    public const string SetQuitDate = "UPDATE Participants SET QuitDate = @QuitDate WHERE Id = @Id";

    /// <summary>
    /// Check-ins can arrive out of order: the latest day wins, and the check-in's program week (<c>@Position</c>, null
    /// before the start) is marked in the participant's week map.
    /// </summary>
    public static string RecordCheckIn(SqlDialect dialect) =>
        $"""
        UPDATE Participants
        SET LastCheckInOn = CASE WHEN LastCheckInOn IS NULL OR LastCheckInOn < @Day THEN @Day ELSE LastCheckInOn END,
            CheckInWeeks = CASE WHEN @Position IS NULL THEN CheckInWeeks ELSE {dialect.WithFlagAt("CheckInWeeks")} END
        WHERE Id = @Id
        """;

    public const string RecordFinalAnswers =
        "UPDATE Participants SET FinalCoPpm = @CoPpm, FinalWeightChangeKg = @WeightChangeKg, FinalWaistChangeCm = @WaistChangeCm WHERE Id = @Id";

    public const string RecordSatisfaction = "UPDATE Participants SET SatisfactionScore = @Score WHERE Id = @Id";

    public const string Admit =
        """
        INSERT INTO Participants (CohortId, ContractId, ClientId, ImportId, ImportLine, EmployeeNumber, FullName, Kana, Email,
                                  Department, BirthYear, InvitationCode, State, StateChangedAt, Version, CreatedAt, UpdatedAt, UpdatedBy,
                                  SearchName, SearchKana)
        VALUES (@CohortId, @ContractId, @ClientId, @ImportId, @ImportLine, @EmployeeNumber, @FullName, @Kana, @Email,
                @Department, @BirthYear, @InvitationCode, @State, @Now, 1, @Now, @Now, @Actor, @SearchName, @SearchKana)
        """;

    /// <summary>The values of a placement in <c>@Placements</c>, in this order (<see cref="TeamAssignment.PlaceAsync"/> builds each).</summary>
    private static readonly JsonColumn[] PlacementValues = [new("ParticipantId", "BIGINT"), new("TeamId", "INT")];

    public static string PlaceInTeams(SqlDialect dialect) =>
        $"""
        UPDATE Participants SET TeamId = placed.TeamId, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        FROM {dialect.JsonRows("@Placements", PlacementValues)} placed
        WHERE Participants.Id = placed.ParticipantId
        """;

    /// <summary>A staff member's move of one participant, only if nobody changed them since the page was shown.</summary>
    public const string MoveToTeam =
        """
        UPDATE Participants SET TeamId = @TeamId, Version = Version + 1, UpdatedAt = @Now, UpdatedBy = @Actor
        WHERE Id = @Id AND CohortId = @CohortId AND Version = @Version
        """;

    public const string LastChange = "SELECT UpdatedBy, UpdatedAt FROM Participants WHERE Id = @Id";

    /// <summary>
    /// Enrolled participants of a cohort the engagement watch may move, in id order after <c>@AfterId</c>: not checked in
    /// since <c>@QuietSince</c> (or ever, counting from the start), and either able to become at risk or quiet since
    /// <c>@DropOutSince</c>. The others quiet that long (already at risk, or not onboarding yet) are not read: nothing
    /// would move them until they drop out.
    /// </summary>
    public static string Quiet(SqlDialect dialect) =>
        $"""
        SELECT Id, ClientId, State, Version, LastCheckInOn, TeamId
        FROM Participants
        WHERE CohortId = @CohortId AND Id > @AfterId AND State IN {ParticipantStates.EnrolledSql}
          AND COALESCE(LastCheckInOn, @StartDate) <= @QuietSince
          AND (State IN {ParticipantStates.SqlList(ParticipantLifecycle.MayBecomeAtRisk)} OR COALESCE(LastCheckInOn, @StartDate) <= @DropOutSince)
        {dialect.OrderAndPage("Id")}
        """;

    /// <summary>
    /// Participants the end of the program still finds open, in id order after <c>@AfterId</c>: not linked yet, or still
    /// in it without a final answer (<see cref="ParticipantLifecycle.ClosedAtProgramEnd"/>).
    /// </summary>
    public static string ClosedAtProgramEnd(SqlDialect dialect) =>
        $"""
        SELECT Id, ClientId, State, Version, LastCheckInOn, TeamId FROM Participants
        WHERE CohortId = @CohortId AND Id > @AfterId AND State IN {ParticipantStates.SqlList(ParticipantLifecycle.ClosedAtProgramEnd)}
        {dialect.OrderAndPage("Id")}
        """;

    public static readonly string CountTakingPart =
        $"SELECT COUNT(*) FROM Participants WHERE CohortId = @CohortId AND State IN {ParticipantStates.TakingPartSql}";

    /// <summary>One view of a participant's page, for the view log (ParticipantViews).</summary>
    public const string RecordView =
        """
        INSERT INTO ParticipantViews (ParticipantId, UserId, UserName, WithPersonalData, ViewedAt)
        VALUES (@ParticipantId, @UserId, @UserName, @WithPersonalData, @Now)
        """;

    /// <summary>
    /// Participants of every cohort matching what a caller knows of them (a name, employee number, e-mail or the
    /// invitation code they read out): for CS answering a participant's inquiry.
    /// </summary>
    public static string Search(SqlDialect dialect) =>
        $"""
        SELECT p.Id, p.EmployeeNumber, p.FullName, p.Kana, p.Email, p.Department, p.State, p.Outcome, p.InvitationCode,
               p.TeamId, t.Number AS TeamNumber, c.Name AS ClientName, p.CohortId, co.Name AS CohortName
        FROM Participants p
        JOIN Clients c ON c.Id = p.ClientId
        JOIN Cohorts co ON co.Id = p.CohortId
        LEFT JOIN Teams t ON t.Id = p.TeamId
        WHERE p.Id = @PseudonymId OR p.InvitationCode = @Code
           OR p.FullName LIKE @Search ESCAPE '\' OR p.Kana LIKE @Search ESCAPE '\'
           OR p.EmployeeNumber LIKE @Search ESCAPE '\' OR p.Email LIKE @Search ESCAPE '\'
        {dialect.OrderAndPage("co.StartDate DESC, p.Id")}
        """;
}
