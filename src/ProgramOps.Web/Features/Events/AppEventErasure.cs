namespace ProgramOps.Web.Features.Events;

/// <summary>
/// Erases what the app sent about a participant who withdrew consent: the answers and notes go, the events' ids stay
/// (so a replay is still a duplicate) and so do their types (so counts stay right).
/// </summary>
public static class AppEventErasure
{
    public static Task EraseAsync(DbConnection connection, DbTransaction transaction, long participantId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(EventsSql.ErasePayloads, new { Id = participantId }, transaction, cancellationToken: ct));
}
