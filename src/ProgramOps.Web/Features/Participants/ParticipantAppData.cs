using System.Data;
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

    /// <summary>The writes of one transaction (an event batch), each statement prepared once.</summary>
    public static Writer Prepare(DbConnection connection, DbTransaction transaction, SqlDialect dialect) => new(connection, transaction, dialect);

    public sealed class Writer(DbConnection connection, DbTransaction transaction, SqlDialect dialect) : IDisposable
    {
        private readonly PreparedCommand _checkIn = new(connection, transaction, ParticipantsSql.RecordCheckIn(dialect),
            ("Id", DbType.Int64), ("Day", DbType.Date), ("Position", DbType.Int32), ("Zeros", DbType.String));
        private readonly PreparedCommand _quitDate = new(connection, transaction, ParticipantsSql.SetQuitDate, ("Id", DbType.Int64), ("QuitDate", DbType.Date));
        private readonly PreparedCommand _finalAnswers = new(connection, transaction, ParticipantsSql.RecordFinalAnswers,
            ("Id", DbType.Int64), ("CoPpm", DbType.Double), ("WeightChangeKg", DbType.Double), ("WaistChangeCm", DbType.Double));
        private readonly PreparedCommand _satisfaction = new(connection, transaction, ParticipantsSql.RecordSatisfaction, ("Id", DbType.Int64), ("Score", DbType.Int32));

        /// <summary>Check-ins can arrive out of order: the latest program day wins, and every week checked in is kept.</summary>
        public Task RecordCheckInAsync(long participantId, DateOnly programStart, DateOnly day, CancellationToken ct)
        {
            var week = ProgramWeek.Of(programStart, day) is { } w && w <= MappedWeeks ? w : (int?)null;
            return _checkIn.Set("Id", participantId).Set("Day", day).Set("Position", week).Set("Zeros", new string('0', week ?? 0)).ExecuteAsync(ct);
        }

        public Task SetQuitDateAsync(long participantId, DateOnly quitDate, CancellationToken ct) =>
            _quitDate.Set("Id", participantId).Set("QuitDate", quitDate).ExecuteAsync(ct);

        public Task RecordFinalAnswersAsync(long participantId, decimal? coPpm, decimal? weightChangeKg, decimal? waistChangeCm, CancellationToken ct) =>
            _finalAnswers.Set("Id", participantId).Set("CoPpm", (double?)coPpm).Set("WeightChangeKg", (double?)weightChangeKg)
                .Set("WaistChangeCm", (double?)waistChangeCm).ExecuteAsync(ct);

        /// <summary>The latest answer is the participant's satisfaction.</summary>
        public Task RecordSatisfactionAsync(long participantId, int score, CancellationToken ct) =>
            _satisfaction.Set("Id", participantId).Set("Score", score).ExecuteAsync(ct);

        public void Dispose()
        {
            _checkIn.Dispose();
            _quitDate.Dispose();
            _finalAnswers.Dispose();
            _satisfaction.Dispose();
        }
    }
}
