using ProgramOps.Web.Features.Feedback;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>An initiative addressing a program version: in its scope by the version itself, or by one of the version's cohorts.</summary>
public sealed record VersionInitiative
{
    public int VersionId { get; init; }
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public InitiativeState State { get; init; }
}

/// <summary>A feedback item a program version addresses: linked to the issue that an initiative on the version answers.</summary>
public sealed record VersionFeedbackItem
{
    public int VersionId { get; init; }
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public FeedbackStatus Status { get; init; }
}

/// <summary>What Initiatives publishes for other features to read: the program page lists each version's initiatives and the feedback items they address.</summary>
public static class InitiativeDirectory
{
    public static async Task<ILookup<int, VersionInitiative>> ByVersionAsync(Db db, int programId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<VersionInitiative>(new CommandDefinition(InitiativesSql.OfProgramByVersion, new { ProgramId = programId }, cancellationToken: ct));
        return rows.ToLookup(r => r.VersionId);
    }

    public static async Task<ILookup<int, VersionFeedbackItem>> FeedbackByVersionAsync(Db db, int programId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<VersionFeedbackItem>(new CommandDefinition(InitiativesSql.FeedbackOfProgramByVersion, new { ProgramId = programId }, cancellationToken: ct));
        return rows.ToLookup(r => r.VersionId);
    }
}
