using System.Data;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// Gives participants admitted before the search keys existed (migration 0054) their keys, at start, a slice at a time
/// in id order; those admitted since get theirs on admission (<see cref="ParticipantAdmission"/>).
/// </summary>
public sealed class ParticipantSearchKeysBackfill(Db db) : IStartupTask
{
    private const int Slice = 5_000;

    private sealed record Named(long Id, string? FullName, string? Kana);

    public async Task RunAsync(StartOptions start, CancellationToken ct)
    {
        var after = 0L;
        while (await db.InTransactionAsync(async (c, t) =>
               {
                   var slice = (await c.QueryAsync<Named>(new CommandDefinition(ParticipantsSql.WithoutSearchKeys(db.Dialect),
                       new { AfterId = after, Skip = 0, Take = Slice }, t, cancellationToken: ct))).AsList();
                   using var set = new PreparedCommand(c, t, ParticipantsSql.SetSearchKeys, ("Id", DbType.Int64), ("SearchName", DbType.String), ("SearchKana", DbType.String));
                   foreach (var person in slice)
                       await set.Set("Id", person.Id).Set("SearchName", ParticipantSearchKey.Of(person.FullName)).Set("SearchKana", ParticipantSearchKey.Of(person.Kana)).ExecuteAsync(ct);
                   after = slice.Count == 0 ? after : slice[^1].Id;
                   return slice.Count == Slice;
               }, ct))
        {
        }
    }
}
