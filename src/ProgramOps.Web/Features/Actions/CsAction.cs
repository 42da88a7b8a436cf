using System.Globalization;
using System.Text.Json;
namespace ProgramOps.Web.Features.Actions;

public enum CsActionKind
{
    ParticipantAtRisk,
    TeamBelowMinimum,
    ShipmentProblem,
    ContractRenewal,
    ClientHealthLow,
    NoDecisionMaker,
    NoRecentTouch,
    SeatsNearlyUsed,
    CohortUnderEnrolled,
    ReportDue,
    PlaybookTask,
    InitiativeWearingOff,
}

public enum CsActionStatus
{
    Open,
    Snoozed,
    Done,
    Resolved,
}

/// <summary>
/// Who may take, snooze and complete an action. Those who run cohorts work every kind. BizDev works the account's kinds
/// (renewals, low health, no decision maker, no touch, seats nearly used, a report due: the client's BizDev owner gets
/// them) and playbook tasks (each task names CS or BizDev), each when it is theirs or no one's yet. A cohort
/// under-enrolled is cohort work: its CS owner gets it.
/// </summary>
public static class CsActionWork
{
    /// <summary>The kinds about a client account, owned by the client's BizDev owner.</summary>
    public static readonly IReadOnlySet<CsActionKind> AccountKinds = new HashSet<CsActionKind>
    {
        CsActionKind.ContractRenewal, CsActionKind.ClientHealthLow, CsActionKind.NoDecisionMaker, CsActionKind.NoRecentTouch,
        CsActionKind.SeatsNearlyUsed, CsActionKind.ReportDue,
    };

    public static bool MayWork(bool runsCohorts, CsActionKind kind, int? ownerId, int? userId) =>
        runsCohorts || ((AccountKinds.Contains(kind) || kind == CsActionKind.PlaybookTask) && (ownerId is null || ownerId == userId));

    /// <summary>
    /// The kinds of unowned action a role works: those who run cohorts every kind but the account's, BizDev the
    /// account's; playbook tasks both.
    /// </summary>
    public static IReadOnlyList<CsActionKind> KindsWorkedBy(bool runsCohorts, bool isBizDev) =>
        [.. Enum.GetValues<CsActionKind>().Where(kind => kind == CsActionKind.PlaybookTask ? runsCohorts || isBizDev : AccountKinds.Contains(kind) ? isBizDev : runsCohorts)];
}

/// <summary>What a job or rule found that staff must act on; the condition key makes it one action per open condition.</summary>
/// <param name="OwnerId">Who owns it; when null, the cohort's CS owner.</param>
/// <param name="DueOn">When it is due, by <see cref="CsActionSchedule"/>.</param>
public sealed record CsActionRequest(
    CsActionKind Kind, string ConditionKey, string Reason, DateOnly DueOn, CsActionPriority Priority, int? CohortId, int? ClientId, long? ParticipantId,
    int? TeamId = null, int? ContractId = null, int? OwnerId = null, long? ShipmentId = null)
{
    /// <summary>Reasons are stored as "code|argument" and worded in the reader's language (see <see cref="CsActionReason"/>).</summary>
    public static CsActionRequest AtRisk(long participantId, int cohortId, int clientId, int daysWithoutCheckIn, DateOnly today) =>
        new(CsActionKind.ParticipantAtRisk, $"{CsActionKind.ParticipantAtRisk}:{participantId}",
            CsActionReason.Encode(CsActionReason.NoCheckIn, daysWithoutCheckIn), CsActionSchedule.AtRiskDue(today), CsActionPriority.High,
            cohortId, clientId, participantId);

    public static CsActionRequest TeamBelowMinimum(int teamId, int teamNumber, int members, int cohortId, DateOnly today) =>
        new(CsActionKind.TeamBelowMinimum, $"{CsActionKind.TeamBelowMinimum}:{teamId}",
            CsActionReason.Encode(CsActionReason.TeamSmall, $"{teamNumber}|{members}"), CsActionSchedule.TeamBelowMinimumDue(today), CsActionPriority.Normal,
            cohortId, null, null, TeamId: teamId);

    /// <summary>One action per milestone (90, 60, 30 days before the end), for the client's BizDev owner.</summary>
    public static CsActionRequest Renewal(int contractId, int clientId, int? bizDevOwnerId, int milestone, int daysLeft, DateOnly today) =>
        new(CsActionKind.ContractRenewal, $"{CsActionKind.ContractRenewal}:{contractId}:{milestone}",
            CsActionReason.Encode(CsActionReason.RenewalDue, daysLeft), CsActionSchedule.RenewalDue(today, today.AddDays(daysLeft)),
            CsActionSchedule.RenewalPriority(milestone), null, clientId, null, ContractId: contractId, OwnerId: bizDevOwnerId);

    /// <summary>The client's latest weekly health score is under its segment's line (Clients' ClientSignalRules).</summary>
    public static CsActionRequest HealthLow(int clientId, int? bizDevOwnerId, int score, int below, DateOnly today) =>
        new(CsActionKind.ClientHealthLow, $"{CsActionKind.ClientHealthLow}:{clientId}", CsActionReason.Encode(CsActionReason.HealthLow, $"{score}|{below}"),
            CsActionSchedule.AccountDue(today), CsActionPriority.High, null, clientId, null, OwnerId: bizDevOwnerId);

    public static CsActionRequest NoDecisionMaker(int clientId, int? bizDevOwnerId, DateOnly today) =>
        new(CsActionKind.NoDecisionMaker, $"{CsActionKind.NoDecisionMaker}:{clientId}", CsActionReason.Encode(CsActionReason.NoDecisionMaker, ""),
            CsActionSchedule.AccountDue(today), CsActionPriority.Normal, null, clientId, null, OwnerId: bizDevOwnerId);

    /// <param name="daysSinceTouch">Days since the last meeting, call or e-mail; null when the client was never touched.</param>
    public static CsActionRequest NoRecentTouch(int clientId, int? bizDevOwnerId, int? daysSinceTouch, DateOnly today) =>
        new(CsActionKind.NoRecentTouch, $"{CsActionKind.NoRecentTouch}:{clientId}",
            daysSinceTouch is { } days ? CsActionReason.Encode(CsActionReason.NoTouchFor, days) : CsActionReason.Encode(CsActionReason.NeverTouched, ""),
            CsActionSchedule.AccountDue(today), CsActionPriority.Normal, null, clientId, null, OwnerId: bizDevOwnerId);

    /// <summary>An expansion chance: the contract's seats are nearly all planned into cohorts.</summary>
    public static CsActionRequest SeatsNearlyUsed(int contractId, int clientId, int? bizDevOwnerId, string programName, int used, int seats, DateOnly today) =>
        new(CsActionKind.SeatsNearlyUsed, $"{CsActionKind.SeatsNearlyUsed}:{contractId}", CsActionReason.Encode(CsActionReason.SeatsUsed, $"{used}|{seats}|{programName}"),
            CsActionSchedule.AccountDue(today), CsActionPriority.Low, null, clientId, null, ContractId: contractId, OwnerId: bizDevOwnerId);

    /// <summary>The client's part of a cohort whose window has closed enrolled too few against its seats: the cohort's CS owner acts.</summary>
    public static CsActionRequest CohortUnderEnrolled(int cohortId, int clientId, int enrolled, int capacity, DateOnly today) =>
        new(CsActionKind.CohortUnderEnrolled, $"{CsActionKind.CohortUnderEnrolled}:{cohortId}:{clientId}",
            CsActionReason.Encode(CsActionReason.UnderEnrolled, $"{enrolled}|{capacity}"), CsActionSchedule.UnderEnrolledDue(today), CsActionPriority.High,
            cohortId, clientId, null);

    /// <summary>The client's final report of a completed cohort is not issued some days after the program ended.</summary>
    public static CsActionRequest ReportDue(int cohortId, int clientId, int? bizDevOwnerId, DateOnly programEnded, DateOnly today) =>
        new(CsActionKind.ReportDue, $"{CsActionKind.ReportDue}:{cohortId}:{clientId}", CsActionReason.Encode(CsActionReason.ReportNotIssued, $"{programEnded:yyyy-MM-dd}"),
            CsActionSchedule.AccountDue(today), CsActionPriority.High, cohortId, clientId, null, OwnerId: bizDevOwnerId);

    /// <summary>
    /// A playbook's task for one client and event (<paramref name="eventKey"/>, e.g. the contract or cohort it is about),
    /// with a copy of its instruction in both languages, so a later edit of the playbook leaves it as it was made.
    /// </summary>
    public static CsActionRequest PlaybookTask(
        int taskId, int clientId, string eventKey, string instructionJa, string instructionEn, DateOnly dueOn, int? ownerId, int? cohortId, int? contractId) =>
        new(CsActionKind.PlaybookTask, $"{CsActionKind.PlaybookTask}:{taskId}:{clientId}:{eventKey}", CsActionReason.Encode(CsActionReason.PlaybookTask, $"{instructionJa}|{instructionEn}"),
            dueOn, CsActionPriority.Normal, cohortId, clientId, null, ContractId: contractId, OwnerId: ownerId);

    /// <summary>
    /// An initiative's effect is wearing off (the decay watch): for the initiative's owner, with its title and the latest and
    /// first effects in percentage points.
    /// </summary>
    public static CsActionRequest InitiativeWearingOff(int initiativeId, string title, double latestPoints, double firstPoints, int ownerId, int? cohortId, DateOnly today) =>
        new(CsActionKind.InitiativeWearingOff, InitiativeWearingOffKey(initiativeId),
            CsActionReason.Encode(CsActionReason.InitiativeWearingOff, FormattableString.Invariant($"{title.Replace('|', '/')}|{latestPoints:+0.0;-0.0;0.0}|{firstPoints:+0.0;-0.0;0.0}")),
            CsActionSchedule.AccountDue(today), CsActionPriority.Normal, cohortId, null, null, OwnerId: ownerId);

    private static readonly string InitiativeWearingOffPrefix = $"{CsActionKind.InitiativeWearingOff}:";

    public static string InitiativeWearingOffKey(int initiativeId) => InitiativeWearingOffPrefix + initiativeId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The initiative a "wearing off" action is about, read back from its condition key (the action has no column for it).</summary>
    public static int? InitiativeOf(string conditionKey) =>
        conditionKey.StartsWith(InitiativeWearingOffPrefix, StringComparison.Ordinal)
        && int.TryParse(conditionKey.AsSpan(InitiativeWearingOffPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The condition a shipment-problem action is about: this shipment having this problem.</summary>
    public static string ShipmentProblemKey(long shipmentId, string reasonCode) => $"{CsActionKind.ShipmentProblem}:{shipmentId}:{reasonCode}";

    /// <summary>
    /// One action per shipment and problem (<paramref name="reasonCode"/>: returned, address problem, not shipped or
    /// not delivered in time), so a parcel that was overdue and then came back gets a new action for the new problem.
    /// The reason keeps the item's Japanese and English names (<paramref name="item"/>, <paramref name="itemEn"/>), one for each reader.
    /// </summary>
    public static CsActionRequest ShipmentProblem(
        long shipmentId, string reasonCode, string item, string? itemEn, int week, long participantId, int cohortId, int clientId, DateOnly today) =>
        new(CsActionKind.ShipmentProblem, ShipmentProblemKey(shipmentId, reasonCode),
            CsActionReason.Encode(reasonCode, $"{item}|{week}|{itemEn}"), CsActionSchedule.ShipmentProblemDue(today), CsActionPriority.High,
            cohortId, clientId, participantId, ShipmentId: shipmentId);
}

/// <summary>Opens and closes actions inside the caller's transaction.</summary>
public static class CsActions
{
    /// <summary>Opens an action for each condition that has none open yet (a job's findings).</summary>
    /// <returns>How many new actions were opened.</returns>
    public static Task<int> OpenManyAsync(DbConnection c, DbTransaction t, IEnumerable<CsActionRequest> requests, string actor, DateTimeOffset now, CancellationToken ct) =>
        OpenAsync(c, t, unlessEver: false, requests, actor, now, ct);

    /// <summary>
    /// Opens an action for each condition that never had one (a playbook's task for one client and event): a task
    /// completed or resolved is not made again.
    /// </summary>
    /// <returns>How many new actions were opened.</returns>
    public static Task<int> OpenOnceAsync(DbConnection c, DbTransaction t, IEnumerable<CsActionRequest> requests, string actor, DateTimeOffset now, CancellationToken ct) =>
        OpenAsync(c, t, unlessEver: true, requests, actor, now, ct);

    /// <remarks>
    /// One statement for all the requests, bound as one JSON value: a job opens thousands at once, and a statement per
    /// action cost more than its writes. A condition asked for twice is opened once, for its first request, as it was
    /// when each request was its own statement.
    /// </remarks>
    private static async Task<int> OpenAsync(
        DbConnection c, DbTransaction t, bool unlessEver, IEnumerable<CsActionRequest> requests, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var distinct = requests.DistinctBy(r => r.ConditionKey, StringComparer.Ordinal).Select(RequestValues).ToList();
        if (distinct.Count == 0) return 0;
        return await c.ExecuteAsync(new CommandDefinition(ActionsSql.OpenMany(SqlDialect.Of(c), unlessEver),
            new { Requests = JsonSerializer.Serialize(distinct), Now = now, Actor = actor }, t, cancellationToken: ct));
    }

    /// <summary>A request's values in <see cref="ActionsSql.RequestValues"/>' order: the kind by name, the day as ISO text, the priority as its number.</summary>
    private static object?[] RequestValues(CsActionRequest r, int position) =>
    [
        position, r.Kind.ToString(), r.ConditionKey, r.CohortId, r.ClientId, r.ParticipantId, r.TeamId, r.ContractId, r.ShipmentId, r.OwnerId,
        r.Reason, r.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (int)r.Priority,
    ];

    /// <summary>
    /// Makes the open actions of <paramref name="kind"/> match what a job found now: an action for each finding that has
    /// none open yet, and the open ones whose condition is no longer found are resolved.
    /// </summary>
    /// <returns>How many new actions were opened.</returns>
    public static async Task<int> ReconcileAsync(
        DbConnection c, DbTransaction t, CsActionKind kind, IReadOnlyList<CsActionRequest> found, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var opened = await OpenManyAsync(c, t, found, actor, now, ct);
        await ResolveAllExceptAsync(c, t, kind, [.. found.Select(r => r.ConditionKey)], actor, now, ct);
        return opened;
    }

    /// <summary>Closes the open actions of <paramref name="kind"/> whose condition is not among <paramref name="stillTrue"/>.</summary>
    /// <remarks>
    /// The open actions are few and the conditions still true can be many, so the difference is taken here and the
    /// actions are closed by id in chunks (SQL Server takes at most 2,100 parameters per statement).
    /// </remarks>
    public static async Task<int> ResolveAllExceptAsync(
        DbConnection c, DbTransaction t, CsActionKind kind, IReadOnlyCollection<string> stillTrue, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var open = await c.QueryAsync<(long Id, string ConditionKey)>(new CommandDefinition(ActionsSql.OpenOfKind, new { Kind = kind.ToString() }, t, cancellationToken: ct));
        var holding = stillTrue as IReadOnlySet<string> ?? stillTrue.ToHashSet(StringComparer.Ordinal);
        var resolved = 0;
        foreach (var ids in open.Where(a => !holding.Contains(a.ConditionKey)).Select(a => a.Id).Chunk(1_000))
        {
            resolved += await c.ExecuteAsync(new CommandDefinition(ActionsSql.ResolveByIds, new { Ids = ids, Now = now, Actor = actor }, t, cancellationToken: ct));
        }

        return resolved;
    }

    /// <summary>Resolves the open (or snoozed) action of one condition, if there is one: its condition no longer holds.</summary>
    public static Task<int> ResolveConditionAsync(DbConnection c, DbTransaction t, string conditionKey, string actor, DateTimeOffset now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(ActionsSql.ResolveCondition, new { ConditionKey = conditionKey, Now = now, Actor = actor }, t, cancellationToken: ct));

    /// <summary>Closes what resolved itself and reopens snoozed actions whose day has come.</summary>
    public static async Task<int> ReviewAsync(DbConnection c, DbTransaction t, string actor, DateTimeOffset now, DateOnly today, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(ActionsSql.ResolveAtRisk, new { Now = now, Actor = actor }, t, cancellationToken: ct))
        + await c.ExecuteAsync(new CommandDefinition(ActionsSql.Wake, new { Now = now, Actor = actor, Today = today }, t, cancellationToken: ct));
}

/// <summary>An action's reason as stored: a code and its argument, so each reader sees it in their own language.</summary>
public static class CsActionReason
{
    public const string NoCheckIn = nameof(NoCheckIn);
    public const string TeamSmall = nameof(TeamSmall);
    public const string RenewalDue = nameof(RenewalDue);
    public const string ShipmentReturned = nameof(ShipmentReturned);
    public const string ShipmentAddressProblem = nameof(ShipmentAddressProblem);
    public const string ShipmentNotShipped = nameof(ShipmentNotShipped);
    public const string ShipmentNotDelivered = nameof(ShipmentNotDelivered);
    public const string HealthLow = nameof(HealthLow);
    public const string NoDecisionMaker = nameof(NoDecisionMaker);
    public const string NoTouchFor = nameof(NoTouchFor);
    public const string NeverTouched = nameof(NeverTouched);
    public const string SeatsUsed = nameof(SeatsUsed);
    public const string UnderEnrolled = nameof(UnderEnrolled);
    public const string ReportNotIssued = nameof(ReportNotIssued);
    public const string PlaybookTask = nameof(PlaybookTask);
    public const string InitiativeWearingOff = nameof(InitiativeWearingOff);

    public static string Encode(string code, object arguments) => $"{code}|{arguments}";

    /// <summary>
    /// The localised reason; text that is not a coded reason is shown as written. An argument a reason stored before it
    /// was kept (a shipment's English name) or left empty reads as a dash.
    /// </summary>
    public static string Describe(string reason, IStringLocalizer<ActionsText> text)
    {
        var parts = reason.Split('|');
        if (parts.Length < 2 || text[$"Reason.{parts[0]}"] is not { ResourceNotFound: false } template) return reason;
        var arguments = parts[1..].Select(a => a.Length == 0 ? Missing : a).Concat(Enumerable.Repeat(Missing, MaxArguments)).ToArray<object>();
        return string.Format(System.Globalization.CultureInfo.CurrentCulture, template.Value, arguments);
    }

    private const string Missing = "—";

    /// <summary>The most arguments a reason's text uses (a shipment problem: item, week, English item).</summary>
    private const int MaxArguments = 3;
}
