using System.Data;

namespace ProgramOps.Web.Features.Participants;

/// <summary>What the base app tells about a participant beyond lifecycle steps, written for the events feature.</summary>
public static class ParticipantAppData
{
    /// <summary>The writes of one transaction (an event batch), each statement prepared once.</summary>
    public static Writer Prepare(DbConnection connection, DbTransaction transaction) => new(connection, transaction);

    public sealed class Writer(DbConnection connection, DbTransaction transaction) : IDisposable
    {
        private readonly PreparedCommand _checkIn = new(connection, transaction, ParticipantsSql.RecordCheckIn, ("Id", DbType.Int64), ("Day", DbType.Date));
        private readonly PreparedCommand _quitDate = new(connection, transaction, ParticipantsSql.SetQuitDate, ("Id", DbType.Int64), ("QuitDate", DbType.Date));

        /// <summary>Check-ins can arrive out of order: the latest program day wins.</summary>
        public Task RecordCheckInAsync(long participantId, DateOnly day, CancellationToken ct) =>
            _checkIn.Set("Id", participantId).Set("Day", day).ExecuteAsync(ct);

        public Task SetQuitDateAsync(long participantId, DateOnly quitDate, CancellationToken ct) =>
            _quitDate.Set("Id", participantId).Set("QuitDate", quitDate).ExecuteAsync(ct);

        public void Dispose()
        {
            _checkIn.Dispose();
            _quitDate.Dispose();
        }
    }
}
