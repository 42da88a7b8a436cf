using System.Data.Common;
using Dapper;

namespace ProgramOps.DataTests.Participants;

/// <summary>
/// Makes the database refuse the transition of one participant, as if the process died while writing it; the
/// transaction in flight rolls back, as it would after a crash. Disposing lets the next run through.
/// </summary>
public sealed class SimulatedCrash : IAsyncDisposable
{
    private readonly DbConnection _connection;

    private SimulatedCrash(DbConnection connection) => _connection = connection;

    public static async Task<SimulatedCrash> AtTransitionOfAsync(DbConnection connection, long participantId)
    {
        await connection.ExecuteAsync($"""
            CREATE TRIGGER simulated_crash BEFORE INSERT ON ParticipantTransitions WHEN NEW.ParticipantId = {participantId}
            BEGIN SELECT RAISE(ABORT, 'simulated crash'); END
            """);
        return new SimulatedCrash(connection);
    }

    public async ValueTask DisposeAsync() => await _connection.ExecuteAsync("DROP TRIGGER simulated_crash");
}
