namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>Who saved a record first when a second save arrived with an older version.</summary>
/// <remarks>Property-initialised (not positional) so Dapper converts SQLite's text timestamps on the way in.</remarks>
public sealed record ConcurrencyConflict
{
    public required string UpdatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who saved the record last, by its feature's <c>LastChange</c> statement; null when it is gone.</summary>
    public static async Task<ConcurrencyConflict?> FindAsync(Db db, string lastChangeSql, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ConcurrencyConflict>(new CommandDefinition(lastChangeSql, new { Id = id }, cancellationToken: ct));
    }
}
