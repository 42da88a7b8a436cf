namespace ProgramOps.Web.Features.Health;

/// <summary>The latest weekly health score of every client, for lists that show health beside other account facts.</summary>
public static class LatestHealthScores
{
    private sealed class ClientScore
    {
        public int ClientId { get; init; }
        public int Score { get; init; }
    }

    public static async Task<IReadOnlyDictionary<int, int>> ReadAsync(DbConnection connection, CancellationToken ct, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<ClientScore>(new CommandDefinition(AccountHealthSql.LatestWeekScores, transaction: transaction, cancellationToken: ct)))
        .ToDictionary(s => s.ClientId, s => s.Score);
}
