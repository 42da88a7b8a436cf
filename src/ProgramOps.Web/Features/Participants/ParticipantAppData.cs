using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// What the base app tells about a participant beyond lifecycle steps, written for the events feature. The check-in
/// weeks, final answers and satisfaction kept here are what outcome reports count, so a report reads participants,
/// not their events.
/// </summary>
public static class ParticipantAppData
{
    /// <summary>The week map holds the weeks of the longest program a definition may have.</summary>
    public const int MappedWeeks = ProgramDefinitionValidator.MaxWeeks;

    /// <summary>Check-ins can arrive out of order: the latest program day wins, and every week checked in is kept.</summary>
    public static Task RecordCheckInAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long participantId, DateOnly programStart, DateOnly day, CancellationToken ct)
    {
        var week = ProgramWeek.Of(programStart, day) is { } w && w <= MappedWeeks ? w : (int?)null;
        return connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.RecordCheckIn(dialect),
            new { Id = participantId, Day = day, Position = week, Zeros = new string('0', week ?? 0) }, transaction, cancellationToken: ct));
    }

    public static Task RecordFinalAnswersAsync(
        DbConnection connection, DbTransaction transaction, long participantId, decimal? coPpm, decimal? weightChangeKg, decimal? waistChangeCm, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.RecordFinalAnswers,
            new { Id = participantId, CoPpm = (double?)coPpm, WeightChangeKg = (double?)weightChangeKg, WaistChangeCm = (double?)waistChangeCm },
            transaction, cancellationToken: ct));

    /// <summary>The latest answer is the participant's satisfaction.</summary>
    public static Task RecordSatisfactionAsync(DbConnection connection, DbTransaction transaction, long participantId, int score, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.RecordSatisfaction, new { Id = participantId, Score = score }, transaction, cancellationToken: ct));

    public static Task SetQuitDateAsync(DbConnection connection, DbTransaction transaction, long participantId, DateOnly quitDate, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.SetQuitDate, new { Id = participantId, QuitDate = quitDate }, transaction, cancellationToken: ct));
}
