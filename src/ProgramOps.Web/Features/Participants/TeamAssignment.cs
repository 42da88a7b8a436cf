using System.Data;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// Puts participants in teams for the teams feature, which decides who goes where: prepared once for a formation that
/// places many people, and a single staff move that holds only if nobody changed the participant since the page was shown.
/// </summary>
public sealed class TeamAssignment : IDisposable
{
    private readonly PreparedCommand _place;

    public TeamAssignment(DbConnection connection, DbTransaction transaction, DateTimeOffset now, string actor)
    {
        _place = new PreparedCommand(connection, transaction, ParticipantsSql.PlaceInTeam,
            ("TeamId", DbType.Int32), ("Now", DbType.DateTimeOffset), ("Actor", DbType.String), ("Id", DbType.Int64));
        _place.Set("Now", now).Set("Actor", actor);
    }

    public Task PlaceAsync(long participantId, int teamId, CancellationToken ct) =>
        _place.Set("TeamId", teamId).Set("Id", participantId).ExecuteAsync(ct);

    /// <returns>False when the participant changed since <paramref name="version"/> (or is not in the cohort).</returns>
    public static async Task<bool> MoveAsync(
        DbConnection connection, DbTransaction transaction, long participantId, int cohortId, int version, int teamId, DateTimeOffset now, string actor, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(ParticipantsSql.MoveToTeam, new
        {
            Id = participantId, CohortId = cohortId, Version = version, TeamId = teamId, Now = now, Actor = actor,
        }, transaction, cancellationToken: ct)) == 1;

    public void Dispose() => _place.Dispose();
}
