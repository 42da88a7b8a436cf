namespace ProgramOps.Web.Features.Participants;

/// <summary>What the base app tells about a participant beyond lifecycle steps, written for the events feature.</summary>
public static class ParticipantAppData
{
    /// <summary>Check-ins can arrive out of order: the latest program day wins.</summary>
    public static Task RecordCheckInAsync(DbConnection connection, DbTransaction transaction, long participantId, DateOnly day, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.RecordCheckIn, new { Id = participantId, Day = day }, transaction, cancellationToken: ct));

    public static Task SetQuitDateAsync(DbConnection connection, DbTransaction transaction, long participantId, DateOnly quitDate, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.SetQuitDate, new { Id = participantId, QuitDate = quitDate }, transaction, cancellationToken: ct));
}
