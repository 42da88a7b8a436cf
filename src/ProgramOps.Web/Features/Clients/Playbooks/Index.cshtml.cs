namespace ProgramOps.Web.Features.Clients.Playbooks;

/// <summary>Admin: the playbooks of each segment and CS type with their tasks, in order of their events.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(Db db) : PageModel
{
    public sealed record PlaybookRow
    {
        public int Id { get; init; }
        public ClientSegment Segment { get; init; }
        public CsType CsType { get; init; }
    }

    public IReadOnlyList<PlaybookRow> Playbooks { get; private set; } = [];
    public ILookup<int, PlaybookTaskRow> Tasks { get; private set; } = Array.Empty<PlaybookTaskRow>().ToLookup(t => t.PlaybookId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        Playbooks = [.. await c.QueryAsync<PlaybookRow>(new CommandDefinition(PlaybooksSql.Playbooks, cancellationToken: ct))];
        Tasks = (await c.QueryAsync<PlaybookTaskRow>(new CommandDefinition(PlaybooksSql.AllTasks, cancellationToken: ct)))
            .OrderBy(t => t.Anchor).ThenBy(t => t.OffsetDays).ThenBy(t => t.Position).ToLookup(t => t.PlaybookId);
    }
}
