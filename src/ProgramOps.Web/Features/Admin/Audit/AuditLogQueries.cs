namespace ProgramOps.Web.Features.Admin.Audit;

/// <summary>One audit row as pages show it.</summary>
public sealed record AuditRow
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string UserName { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    public required string Action { get; init; }
    public string? Summary { get; init; }
    public string? Changes { get; init; }

    public IReadOnlyDictionary<string, FieldChange> FieldChanges => ChangeSet.FromJson(Changes);
}

public sealed record AuditFilter(string? EntityType, string? EntityId, string? UserName, string? Action, DateTimeOffset? From, DateTimeOffset? Until)
{
    /// <summary>Only dates are given: no index ending in Id narrows the rows, so pages follow the time index.</summary>
    public bool BrowsesByTime => (From is not null || Until is not null) && EntityType is null && EntityId is null && UserName is null && Action is null;
}

public sealed class AuditLogQueries(Db db)
{
    /// <summary>A page of rows older than <paramref name="beforeId"/> (null: the newest), and whether older ones remain.</summary>
    public async Task<(IReadOnlyList<AuditRow> Rows, bool HasOlder)> SearchAsync(AuditFilter filter, long? beforeId, int pageSize, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var order = filter.BrowsesByTime ? AuditOrder.ByTime : AuditOrder.ById;
        var beforeAt = order == AuditOrder.ByTime && beforeId is not null
            ? await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(AuditLogSql.OccurredAtOf, new { Id = beforeId }, cancellationToken: ct))
            : null;
        // The smallest step the stored times resolve (100 ns): rows at exactly @BeforeAt stay in range.
        var until = beforeAt is { } at && (filter.Until is null || at < filter.Until) ? at.AddTicks(1) : filter.Until;
        var sql = AuditLogSql.Search(db.Dialect, order,
            filter.EntityType is not null, filter.EntityId is not null, filter.UserName is not null, filter.Action is not null,
            filter.From is not null, until is not null, beforeId is not null);
        var rows = (await connection.QueryAsync<AuditRow>(new CommandDefinition(sql, new
        {
            filter.EntityType, filter.EntityId, filter.UserName, filter.Action, filter.From, Until = until,
            BeforeId = beforeId, BeforeAt = beforeAt, Skip = 0, Take = pageSize + 1,
        }, cancellationToken: ct))).ToList();
        return (rows.Take(pageSize).ToList(), rows.Count > pageSize);
    }

    /// <summary>The newest writes to one record, for its detail page.</summary>
    public async Task<IReadOnlyList<AuditRow>> ForEntityAsync(string entityType, string entityId, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<AuditRow>(new CommandDefinition(AuditLogSql.ForEntity(db.Dialect),
            new { EntityType = entityType, EntityId = entityId, Skip = 0, Take = take }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(AuditLogSql.EntityTypes, cancellationToken: ct))).ToList();
    }
}
