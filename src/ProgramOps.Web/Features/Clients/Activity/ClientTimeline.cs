namespace ProgramOps.Web.Features.Clients.Activity;

public sealed record TimelineEntry(
    int Id, ClientActivityKind Kind, DateOnly OccurredOn, string Summary, string? NextStep, string RecordedBy, DateTimeOffset RecordedAt,
    IReadOnlyList<NamedId> KeyPersons);

/// <summary>A client's activity log as the client page shows it: the latest entries, newest first.</summary>
public sealed class ClientTimeline(Db db)
{
    public const int Shown = 50;

    private sealed class Row
    {
        public int Id { get; init; }
        public ClientActivityKind Kind { get; init; }
        public DateOnly OccurredOn { get; init; }
        public string Summary { get; init; } = "";
        public string? NextStep { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTimeOffset RecordedAt { get; init; }
        public int? KeyPersonId { get; init; }
        public string? KeyPersonName { get; init; }
    }

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(int clientId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(ClientActivitySql.Timeline(db.Dialect),
            new { ClientId = clientId, Skip = 0, Take = Shown }, cancellationToken: ct));
        return rows.GroupBy(r => r.Id).Select(g =>
        {
            var first = g.First();
            IReadOnlyList<NamedId> people = [.. g.Where(r => r.KeyPersonId is not null).Select(r => new NamedId { Id = r.KeyPersonId!.Value, Name = r.KeyPersonName! })];
            return new TimelineEntry(first.Id, first.Kind, first.OccurredOn, first.Summary, first.NextStep, first.RecordedBy, first.RecordedAt, people);
        }).ToList();
    }
}
