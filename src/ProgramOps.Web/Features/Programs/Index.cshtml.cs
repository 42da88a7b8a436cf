namespace ProgramOps.Web.Features.Programs;

public sealed class IndexModel(Db db) : PageModel
{
    public sealed record Row
    {
        public int Id { get; init; }
        public required string Code { get; init; }
        public int VersionId { get; init; }
        public int VersionNumber { get; init; }
        public ProgramVersionStatus Status { get; init; }
        public required string Definition { get; init; }
        public int Drafts { get; init; }

        public ProgramDefinition Parsed => ProgramDefinitionJson.Deserialize(Definition);
    }

    public IReadOnlyList<Row> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Programs = (await connection.QueryAsync<Row>(new CommandDefinition(ProgramsSql.List, cancellationToken: ct))).ToList();
    }
}
