namespace ProgramOps.Web.Features.Actions;

public enum CsActionKind
{
    ParticipantAtRisk,
    TeamBelowMinimum,
    ShipmentProblem,
    ContractRenewal,
}

public enum CsActionStatus
{
    Open,
    Snoozed,
    Done,
    Resolved,
}

/// <summary>What a job or rule found that staff must act on; the condition key makes it one action per open condition.</summary>
public sealed record CsActionRequest(CsActionKind Kind, string ConditionKey, string Reason, DateOnly DueOn, int? CohortId, int? ClientId, long? ParticipantId)
{
    /// <summary>Reasons are stored as "code|argument" and worded in the reader's language (see <see cref="CsActionReason"/>).</summary>
    public static CsActionRequest AtRisk(long participantId, int cohortId, int clientId, int daysWithoutCheckIn, DateOnly dueOn) =>
        new(CsActionKind.ParticipantAtRisk, $"{CsActionKind.ParticipantAtRisk}:{participantId}",
            CsActionReason.Encode(CsActionReason.NoCheckIn, daysWithoutCheckIn), dueOn, cohortId, clientId, participantId);
}

/// <summary>Opens and closes actions inside the caller's transaction.</summary>
public static class CsActions
{
    /// <returns>Whether a new action was opened (false: one is open for the condition already).</returns>
    public static async Task<bool> OpenAsync(DbConnection c, DbTransaction t, CsActionRequest request, string actor, DateTimeOffset now, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(ActionsSql.OpenUnlessOpen, new
        {
            Kind = request.Kind.ToString(), request.ConditionKey, request.CohortId, request.ClientId, request.ParticipantId, request.Reason,
            request.DueOn, Now = now, Actor = actor,
        }, t, cancellationToken: ct)) == 1;

    /// <summary>Closes what resolved itself and reopens snoozed actions whose day has come.</summary>
    public static async Task<int> ReviewAsync(DbConnection c, DbTransaction t, string actor, DateTimeOffset now, DateOnly today, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(ActionsSql.ResolveAtRisk, new { Now = now, Actor = actor }, t, cancellationToken: ct))
        + await c.ExecuteAsync(new CommandDefinition(ActionsSql.Wake, new { Now = now, Actor = actor, Today = today }, t, cancellationToken: ct));
}

/// <summary>An action's reason as stored: a code and its argument, so each reader sees it in their own language.</summary>
public static class CsActionReason
{
    public const string NoCheckIn = nameof(NoCheckIn);

    public static string Encode(string code, object argument) => $"{code}|{argument}";

    /// <summary>The localised reason; text that is not a coded reason is shown as written.</summary>
    public static string Describe(string reason, IStringLocalizer<ActionsText> text)
    {
        var parts = reason.Split('|', 2);
        return parts.Length == 2 && text[$"Reason.{parts[0]}"] is { ResourceNotFound: false } template ? string.Format(template.Value, parts[1]) : reason;
    }
}
