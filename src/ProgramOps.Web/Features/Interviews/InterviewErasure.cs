namespace ProgramOps.Web.Features.Interviews;

/// <summary>
/// Erases what N1 interviews hold about a participant who withdrew consent, in the withdrawal's own transaction (the
/// lifecycle calls it where it erases the participant's other personal data), so no interview note outlives the consent.
/// </summary>
public static class InterviewErasure
{
    public static async Task EraseAsync(DbConnection connection, DbTransaction transaction, long participantId, DateTimeOffset now, string actor, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(InterviewsSql.EraseFindings, new { Id = participantId }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(InterviewsSql.EraseNotes, new { Id = participantId, Now = now, Actor = actor }, transaction, cancellationToken: ct));
    }
}
