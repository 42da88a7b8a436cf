namespace ProgramOps.Web.Features.Initiatives;

/// <summary>An initiative addressing a program version: in its scope by the version itself, or by one of the version's cohorts.</summary>
public sealed record VersionInitiative
{
    public int VersionId { get; init; }
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public InitiativeState State { get; init; }
}

/// <summary>What Initiatives publishes for other features to read: the program page lists each version's initiatives.</summary>
public static class InitiativeDirectory
{
    public static async Task<ILookup<int, VersionInitiative>> ByVersionAsync(Db db, int programId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<VersionInitiative>(new CommandDefinition(InitiativesSql.OfProgramByVersion, new { ProgramId = programId }, cancellationToken: ct));
        return rows.ToLookup(r => r.VersionId);
    }
}
