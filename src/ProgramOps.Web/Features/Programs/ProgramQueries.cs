namespace ProgramOps.Web.Features.Programs;

public sealed record ProgramVersionRow
{
    public int Id { get; init; }
    public int ProgramId { get; init; }
    public int VersionNumber { get; init; }
    public ProgramVersionStatus Status { get; init; }
    public required string Definition { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? PublishedBy { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    public ProgramDefinition Parsed => ProgramDefinitionJson.Deserialize(Definition);
}

public sealed record ProgramRow
{
    public int Id { get; init; }
    public required string Code { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
}

/// <summary>Reads shared by the program pages.</summary>
public sealed class ProgramQueries(Db db)
{
    public async Task<ProgramRow?> FindProgramAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ProgramRow>(new CommandDefinition(ProgramsSql.FindProgram, new { Id = id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ProgramVersionRow>> VersionsAsync(int programId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ProgramVersionRow>(new CommandDefinition(ProgramsSql.Versions, new { ProgramId = programId }, cancellationToken: ct))).ToList();
    }

    public async Task<ProgramVersionRow?> FindVersionAsync(int programId, int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ProgramVersionRow>(
            new CommandDefinition(ProgramsSql.FindVersion, new { Id = id, ProgramId = programId }, cancellationToken: ct));
    }
}
